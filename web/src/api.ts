// The REST API under /api/v1: a fetch wrapper that sends the session's CSRF
// token on every write and turns the server's {"error": {field, message}}
// answers into ApiError values the pages show as they are.

export class ApiError extends Error {
  constructor(
    public status: number,
    public field: string,
    message: string,
    // Every problem the server listed (a plan revision lists them all).
    public problems: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export interface ApiAnswer<T> {
  data: T;
  headers: Headers;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, '', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const answer = parsed as { error?: { field?: string; message?: string }; problems?: unknown } | null;
    const err = answer?.error;
    throw new ApiError(
      response.status,
      err?.field ?? '',
      err?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      Array.isArray(answer?.problems) ? (answer.problems as { field: string; message: string }[]) : [],
    );
  }
  return { data: parsed as T, headers: response.headers };
}

export const get = <T>(path: string) => request<T>('GET', path).then((a) => a.data);
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body).then((a) => a.data);

// ---- Types of the documents the pages use (docs/plan-output.md, src/api/record_json.cc).

export interface User {
  id: number;
  clinic_id: number;
  email: string;
  display_name: string;
  role: 'admin' | 'therapist' | 'front_desk' | 'patient';
  patient_id: number | null;
  active: boolean;
}

export interface SessionAnswer {
  user: User;
  csrf_token: string;
}

export interface Patient {
  id: number;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: 'female' | 'male' | 'other';
  email: string;
  phone: string;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface RedFlagQuestion {
  id: string;
  group: string;
  question: string;
  scope: string;
  /** The referral a Yes raises ("note" raises none) and whether a doctor is needed today. */
  urgency?: 'note' | 'routine_gp' | 'urgent' | 'emergency';
  same_day?: boolean;
}

export interface KnowledgeAnswer {
  knowledge_version: string;
  red_flags: RedFlagQuestion[];
  /** asks_site: its rules act on where it is; modifiers: the ones its rules read. */
  conditions: { id: string; reason: string; asks_site?: boolean; modifiers?: string[] }[];
  /** What each referral urgency tells the patient to do (knowledge/red_flags.json). */
  urgencies?: Record<'routine_gp' | 'urgent' | 'emergency', { action: string; same_day_action: string | null }>;
}

export interface Evidence {
  grade: string;
  title: string;
  summary: string;
  ref: string;
}

export interface Technique {
  technique: string;
  label: string;
  targets: { muscle: string; region: string; side: string }[];
  pressure: number;
  pressure_label: string;
  minutes: number;
  because: string[];
  evidence: Evidence;
}

export interface Plan {
  presented_as: string;
  techniques: Technique[];
  excluded: { technique: string; reason: string }[];
  oils_allowed: boolean;
  lubricant: string;
  position: string | null;
  no_heat: boolean;
  sessions: { per_week: number; count: number; minutes: number; because: string; evidence: Evidence };
  reassessment: { after_sessions: number[]; measures: string[]; responder: string; if_not_met: string };
  complements: { id: string; kind: string; text: string; because: string; evidence: Evidence }[];
  escalation: { when: string; then: string; urgency: string }[];
  cautions: string[];
  clearances: string[];
  approval_blockers: string[];
}

export interface AssessmentResult {
  triage: 'treat' | 'treat_with_precautions' | 'refer_routine' | 'refer_urgent' | 'refer_emergency';
  reasons: string[];
  referral: { action: string } | null;
  red_flags: { id: string; urgency: string; reason: string; from_body_map: boolean; source: string }[];
  precautions: { id: string; level: string; reason: string; derived: boolean; evidence: Evidence }[];
  unanswered_ces_flags: string[];
  constraints: {
    pressure_caps: { region: string; max: number; reason: string }[];
    avoid_regions: { region: string; side: string; reason: string }[];
    excluded_techniques: { technique: string; reason: string }[];
    oils_allowed: boolean;
    no_heat: boolean;
    position: string | null;
    clearances: string[];
  };
  scores: Record<string, unknown>;
  pattern: { roots: string[]; side: string | null; below_knee: boolean; both_legs: boolean; summary: string };
  plan: Plan | null;
  knowledge_version: string;
}

export interface AssessmentRecord {
  id: number;
  patient_id: number;
  kind: string;
  triage: string;
  knowledge_version: string;
  created_at: string;
  intake: unknown;
  result: AssessmentResult | null;
}

export interface PlanRecord {
  id: number;
  patient_id: number;
  assessment_id: number;
  version_no: number;
  status: string;
  // Set when an approved plan is suspended ("assessment 12", "session note 40").
  suspended_by?: string | null;
  plan: Plan | null;
  created_at: string;
}

// ---- Plan review and session notes (web/src/pages/PlanReview.tsx, SessionNote.tsx).

export interface KnowledgeTechnique {
  id: string;
  label: string;
  description: string;
  min_pressure: number;
  max_pressure: number;
  minutes_per_region: number;
  evidence: Evidence;
}

export interface KnowledgeRegion {
  id: string;
  label: string;
  muscles: string[];
  /** The sides this region has (knowledge/regions.json); the server refuses any other. */
  sides: string[];
}

export interface KnowledgeCatalogue extends KnowledgeAnswer {
  techniques: KnowledgeTechnique[];
  regions: KnowledgeRegion[];
}

// A stored plan version as GET /api/v1/plans/{id} answers it.
export interface PlanVersion extends PlanRecord {
  version: number;
  knowledge_version: string;
  approved_at: string | null;
  plan: (Plan & { edited_by_therapist?: boolean; revision_note?: string }) | null;
}

export interface SessionTechnique {
  technique: string;
  region: string;
  side: string;
  pressure: number;
  minutes: number;
}

export interface AdverseEvent {
  kind: string;
  severity: 'mild' | 'moderate' | 'severe';
  note: string;
}

export interface SessionNoteRecord {
  id: number;
  patient_id: number;
  plan_id: number | null;
  occurred_at: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan_text: string;
  leg_pain_before: number | null;
  leg_pain_after: number | null;
  back_pain_before: number | null;
  back_pain_after: number | null;
  techniques: SessionTechnique[];
  oils_used: boolean;
  adverse_events: AdverseEvent[];
  version: number;
  deviations?: SessionDeviations | null;
}

// ---- Patient chart and portal (GET /patients/{id}/chart, /home-programme,
// POST /questionnaires, /appointment-requests; GET /knowledge questionnaires).

export interface Scores {
  nrs_leg?: number;
  nrs_back?: number;
  odi?: { percent: number | null; band: string | null; band_label: string | null; answered: number; sum: number };
  sbi?: { total: number | null; bothersome_items: number[]; success: boolean | null };
  startback?: { total: number | null; psychosocial: number | null; risk: string | null };
  rmdq?: { total: number };
}

export interface ChartSession {
  id: number;
  at: string;
  leg_pain_before: number | null;
  leg_pain_after: number | null;
  back_pain_before: number | null;
  back_pain_after: number | null;
  adverse_events: number;
  deviations?: number;
}

export interface MeasureChange {
  measure: 'nrs_leg' | 'nrs_back' | 'odi' | 'rmdq';
  baseline: number;
  latest: number;
  improvement: number;
  percent: number | null;
  meaningful: boolean;
  change: 'improved' | 'no_meaningful_change' | 'worse';
  pain_reduction: 'under_30_percent' | 'at_least_30_percent' | 'at_least_50_percent' | null;
  readings: number;
}

export interface SessionRelief {
  session_id: number;
  measure: 'nrs_leg' | 'nrs_back' | null;
  immediate: number | null;
  days_to_next: number | null;
  lasted: 'held' | 'faded' | 'no_relief' | 'unknown' | 'not_rated';
}

export interface ChartAnswer {
  patient: Patient;
  assessments: { id: number; kind: string; at: string; triage: string; scores: Scores }[];
  plans: { id: number; version_no: number; status: string; created_at: string; approved_at: string | null }[];
  current_plan: { id: number; sessions_planned: number; sessions_done: number; sessions_left: number } | null;
  sessions: ChartSession[];
  outcomes?: {
    responder: { status: 'too_early' | 'responder' | 'not_yet' | 'worse'; explanation: string; measures: MeasureChange[] };
    relief: SessionRelief[];
  };
}

export interface HomeProgramme {
  plan_id: number;
  approved_at: string | null;
  presented_as: string;
  self_massage: Technique[];
  complements: Plan['complements'];
  escalation: Plan['escalation'];
  sessions: Partial<Plan['sessions']>;
}

// The answer while a referral stands: no exercises, the advice to follow instead.
export interface WithdrawnProgramme {
  plan_id: number;
  withdrawn: true;
  status: 'suspended';
  suspended_by: string;
  urgency: 'routine_gp' | 'urgent' | 'emergency';
  message: string;
}

// A referral and its life (GET /patients/{id}/referrals, /referrals/{id}).
export interface ReferralEvent {
  id: number;
  recorded_by: number;
  recorded_at: string;
  detail: Record<string, unknown>;
}

export interface Referral {
  id: number;
  patient_id: number;
  urgency: 'routine_gp' | 'urgent' | 'emergency';
  raised_at: string;
  flags: { id: string; reason: string }[];
  findings: string;
  /** What the patient was told to do, in the knowledge's words (same-day wording when it applies). */
  advice?: string;
  opened_at: string;
  status: 'open' | 'letter_sent' | 'outcome_recorded' | 'closed';
  cleared: boolean;
  letters_sent: ReferralEvent[];
  outcomes: ReferralEvent[];
  closed: ReferralEvent | null;
}

export interface QuestionnaireItem {
  number: number;
  topic: string;
  min: number;
  max: number;
  text?: string;
  options?: string[];
}

export interface QuestionnaireDef {
  id: string;
  name: string;
  items: QuestionnaireItem[];
  unanswered_allowed: boolean;
  wording: 'licensed' | 'topics only';
  licensed_title?: string;
  copyright?: string;
}

// ---- Session notes that depart from screening (SessionNote.tsx, Patient.tsx;
// docs/clinical-rules.md "Session notes that depart from screening").

export interface SessionDeviations {
  reason: string;
  items: { field: string; message: string }[];
  acknowledged_by: number;
  acknowledged_at: string;
  screening_assessment_id: number;
}

// The server's refusal of a note that departs from screening names this field;
// the same note is stored when sent again with it true and a reason.
export const DEVIATIONS_FIELD = 'deviations_acknowledged';

// ---- Administration and scheduling (GET /api/v1/users, /therapists, /audit, /appointments).

export interface TherapistProfile {
  modalities: string[];
  years_experience: number;
  sciatica_experience_years: number;
  bio: string;
}

export interface Therapist extends User {
  profile: TherapistProfile | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  patient_id: number | null;
  user_name: string | null;
  patient_name: string | null;
  remote_addr: string;
  detail: string;
}

export interface Appointment {
  id: number;
  patient_id: number;
  therapist_id: number;
  starts_at: string;
  minutes: number;
  status: string;
  plan_id: number | null;
  note: string;
  version: number;
}

export interface AttentionItem {
  patient: { id: number; given_name: string; family_name: string };
  reasons: {
    kind: 'red_flag' | 'adverse_event' | 'worse_pain' | 'reassessment_due' | 'draft_plan' | 'no_intake';
    text: string;
  }[];
}
