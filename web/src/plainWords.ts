// The words a person reads for what the API names: one label per API field
// (English; another language is another map of the same keys), and messages
// stripped of internal formats. Every message shown to a clinician or patient
// goes through here, so a field id or a wire format never reaches the screen.

const FIELD_LABELS_EN: Record<string, string> = {
  given_name: 'Given name',
  family_name: 'Family name',
  date_of_birth: 'Date of birth',
  sex: 'Sex',
  email: 'Email',
  phone: 'Phone',
  notes: 'Notes',
  reason: 'Reason for the change',
  corrects: 'Assessment corrected',
  display_name: 'Name',
  password: 'Password',
  role: 'Role',
  active: 'Active',
  patient_id: 'Patient',
  therapist_id: 'Therapist',
  room_id: 'Room',
  starts_at: 'Day and time',
  starts_at_local: 'Day and time',
  time_off_id: 'Time off',
  occurred_at: 'Date and time',
  minutes: 'Length in minutes',
  note: 'Message',
  status: 'Status',
  plan_id: 'Plan',
  plan_text: 'Plan (SOAP)',
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  oils_used: 'Oil used',
  techniques: 'Work done',
  adverse_events: 'Adverse events',
  deviation_reason: 'Reason for departing from screening',
  deviations_acknowledged: 'Departures from screening',
  red_flags: 'Red-flag check',
  questionnaires: 'Questionnaires',
  clearances: 'Clearances',
  clearance: 'Clearance',
  years_experience: 'Years of practice',
  sciatica_experience_years: 'Years treating back pain and sciatica',
  modalities: 'Techniques offered',
  bio: 'About the therapist',
  from: 'From',
  to: 'To',
  kind: 'Kind',
  urgency: 'Urgency',
  findings: 'Findings',
  cleared: 'May massage resume',
  referral: 'Referral',
  'if-match': 'Version',
  body: 'The form',
  name: 'Name',
  onset_weeks: 'Weeks since this episode began',
  age: 'Age',
};

// The questionnaires by the names clinicians and patients know them by.
const QUESTIONNAIRE_NAMES_EN: Record<string, string> = {
  nrs_leg: 'Leg pain',
  nrs_back: 'Back pain',
  odi: 'Oswestry',
  rmdq: 'Roland-Morris',
  sbi: 'Sciatica Bothersomeness',
  startback: 'STarT Back',
};

function capitalised(text: string) {
  return text.replace(/^./, (c) => c.toUpperCase());
}

// The label of an API field: "given_name" → "Given name",
// "techniques[1].pressure" → "Work done, row 2: pressure".
export function fieldLabel(field: string): string {
  if (!field) return '';
  if (field in FIELD_LABELS_EN) return FIELD_LABELS_EN[field];
  // "questionnaires.odi[0]" → "Oswestry, item 1".
  const item = /(?:^|\.)questionnaires\.(\w+)(?:\[(\d+)\])?$/.exec(field);
  if (item) {
    const name = QUESTIONNAIRE_NAMES_EN[item[1]] ?? item[1].replace(/_/g, ' ');
    return item[2] === undefined ? name : `${name}, item ${Number(item[2]) + 1}`;
  }
  // "techniques[0].targets[1].side" → "Work done, row 1, region 2: side".
  const row = /^(\w+)\[(\d+)\](?:\.targets\[(\d+)\])?(?:\.(\w+))?$/.exec(field);
  if (row) {
    const list = FIELD_LABELS_EN[row[1]] ?? capitalised(row[1].replace(/_/g, ' '));
    const region = row[3] === undefined ? '' : `, region ${Number(row[3]) + 1}`;
    return `${list}, row ${Number(row[2]) + 1}${region}${row[4] ? `: ${row[4].replace(/_/g, ' ')}` : ''}`;
  }
  const last = field.split('.').pop() ?? field;
  return FIELD_LABELS_EN[last] ?? capitalised(last.replace(/_/g, ' '));
}

// A server message in words: ids become words ("deep_tissue" → "deep tissue")
// and wire formats ("a UTC time like 2026-11-23T20:15:00Z") become what the
// person chooses on the form.
export function plainMessage(message: string): string {
  return message
    .replace(/an? UTC time like \S+Z\b/g, 'a date and time')
    .replace(/a day and time like \S+/g, 'a day and time')
    .replace(/^must be an? (\w+ )?id$/, 'must be chosen')
    .replace(/\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}Z\b/g, '$1 $2 UTC')
    .replace(/([a-z])_(?=[a-z])/g, '$1 ');
}
