// The outcome measures a plan is reassessed with (the knowledge's
// questionnaire ids), by the names a clinician uses, for a sentence.
const MEASURE_NAMES: Record<string, string> = {
  nrs_leg: 'leg pain (0–10)',
  nrs_back: 'back pain (0–10)',
  odi: 'Oswestry Disability Index',
  rmdq: 'Roland-Morris Disability Questionnaire',
  sbi: 'Sciatica Bothersomeness Index',
  startback: 'STarT Back',
};

export const measureName = (id: string) => MEASURE_NAMES[id] ?? id.replace(/_/g, ' ');
