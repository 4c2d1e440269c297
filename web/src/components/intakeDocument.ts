// The intake form's state and the intake document it sends (POST /assess,
// POST /patients/{id}/assessments): what the clinician chose, as the API's
// intake fields. Nothing is decided here; the server checks every field.
import type { Symptom } from './BodyMap';
import type { QuestionnaireAnswers } from './questionnaireAnswers';
import { questionnairesDocument } from './questionnaireAnswers';
import { numberOrText } from '../forms/numberOrText';

export type Answer = '' | 'yes' | 'no' | 'unknown';

// A condition reported present: where it is, when its rules act on a site, and
// the modifiers the knowledge names for it that apply (e.g. contagious).
export interface ConditionAnswer {
  region: string;
  side: string;
  modifiers: string[];
}

export interface IntakeState {
  age: string;
  sex: string;
  pregnant: boolean;
  firstEpisode: '' | 'yes' | 'no';
  symptoms: Symptom[];
  onsetWeeks: string;
  aggravated: string[];
  redFlags: Record<string, Answer>;
  conditions: Record<string, ConditionAnswer>;
  painTolerance: '' | 'low' | 'medium' | 'high';
  fragranceSensitive: boolean;
  pressurePreference: string;
  questionnaires: QuestionnaireAnswers;
  // Free-text history in the clinician's words; narrative, never screened.
  history: IntakeHistory;
}

export interface IntakeHistory {
  presenting_complaint: string;
  past_history: string;
  medication: string;
  goals: string;
}

export const NO_HISTORY: IntakeHistory = { presenting_complaint: '', past_history: '', medication: '', goals: '' };

// A condition with neither site nor modifier goes as `true`; otherwise as the
// object form ({present, regions, side, <modifier>: true}) the API reads.
function conditionDocument(c: ConditionAnswer): true | Record<string, unknown> {
  if (!c.region && c.modifiers.length === 0) return true;
  const doc: Record<string, unknown> = { present: true };
  if (c.region) {
    doc.regions = [c.region];
    if (c.side) doc.side = c.side;
  }
  for (const m of c.modifiers) doc[m] = true;
  return doc;
}

// The answers map keeps inflammatory back pain's questions under this prefix
// (components/RedFlagQuestions asks them in place of the single question).
export const INFLAMMATORY_PREFIX = 'ibp.';

export function buildIntake(s: IntakeState) {
  const patient: Record<string, unknown> = { age: numberOrText(s.age), sex: s.sex };
  if (s.pregnant) patient.pregnant = true;
  if (s.firstEpisode) patient.first_episode = s.firstEpisode === 'yes';
  const doc: Record<string, unknown> = { patient, symptoms: s.symptoms };
  if (s.onsetWeeks.trim() !== '') doc.onset_weeks = numberOrText(s.onsetWeeks);
  if (s.aggravated.length) doc.aggravated_by = s.aggravated;
  const flags: Record<string, boolean | null> = {};
  const inflammatory: Record<string, boolean | null> = {};
  for (const [key, a] of Object.entries(s.redFlags)) {
    // "ibp.<id>": an entry question or feature of inflammatory back pain.
    const [into, id] = key.startsWith(INFLAMMATORY_PREFIX)
      ? [inflammatory, key.slice(INFLAMMATORY_PREFIX.length)]
      : [flags, key];
    if (a === 'yes') into[id] = true;
    else if (a === 'no') into[id] = false;
    else if (a === 'unknown') into[id] = null;
  }
  if (Object.keys(flags).length) doc.red_flags = flags;
  if (Object.keys(inflammatory).length) doc.inflammatory_back_pain = inflammatory;
  const conditions = Object.entries(s.conditions);
  if (conditions.length) doc.conditions = Object.fromEntries(conditions.map(([id, c]) => [id, conditionDocument(c)]));
  const prefs: Record<string, unknown> = {};
  if (s.painTolerance) prefs.pain_tolerance = s.painTolerance;
  if (s.fragranceSensitive) prefs.fragrance_sensitive = true;
  if (s.pressurePreference) prefs.pressure_preference = Number(s.pressurePreference);
  if (Object.keys(prefs).length) doc.preferences = prefs;
  // Only what was written goes: an intake without history is sent as before.
  const history = Object.entries(s.history ?? NO_HISTORY).filter(([, text]) => text.trim() !== '');
  if (history.length) doc.history = Object.fromEntries(history);
  const q = questionnairesDocument(s.questionnaires);
  if (Object.keys(q).length) doc.questionnaires = q;
  return doc;
}
