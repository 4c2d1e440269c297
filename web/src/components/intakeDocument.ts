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

type Doc = Record<string, unknown>;
const asDoc = (v: unknown): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
const answerOf = (v: unknown): Answer => (v === true ? 'yes' : v === false ? 'no' : v === null ? 'unknown' : '');

// The form's state for a stored intake document (the inverse of buildIntake),
// so a correction starts from exactly what was recorded; fields the document
// lacks keep `blank`'s values.
export function intakeStateFrom(intake: unknown, blank: IntakeState): IntakeState {
  const doc = asDoc(intake);
  const patient = asDoc(doc.patient);
  const redFlags: Record<string, Answer> = {};
  for (const [id, v] of Object.entries(asDoc(doc.red_flags))) redFlags[id] = answerOf(v);
  for (const [id, v] of Object.entries(asDoc(doc.inflammatory_back_pain))) redFlags[INFLAMMATORY_PREFIX + id] = answerOf(v);
  const conditions: Record<string, ConditionAnswer> = {};
  for (const [id, v] of Object.entries(asDoc(doc.conditions))) {
    if (v === false) continue;
    const c = asDoc(v);
    const regions = Array.isArray(c.regions) ? (c.regions as string[]) : [];
    const modifiers = Object.keys(c).filter((k) => !['present', 'regions', 'side'].includes(k) && c[k] === true);
    conditions[id] = { region: regions[0] ?? '', side: typeof c.side === 'string' ? c.side : '', modifiers };
  }
  const prefs = asDoc(doc.preferences);
  const questionnaires: QuestionnaireAnswers = {};
  for (const [id, v] of Object.entries(asDoc(doc.questionnaires))) {
    if (Array.isArray(v)) questionnaires[id] = v as (number | null)[];
    else if (typeof v === 'number') questionnaires[id] = [v];
  }
  const history = asDoc(doc.history);
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const first = patient.first_episode;
  return {
    ...blank,
    age: patient.age === undefined ? blank.age : String(patient.age),
    sex: typeof patient.sex === 'string' ? patient.sex : blank.sex,
    pregnant: patient.pregnant === true,
    firstEpisode: first === true ? 'yes' : first === false ? 'no' : '',
    symptoms: Array.isArray(doc.symptoms) ? (doc.symptoms as Symptom[]) : [],
    onsetWeeks: doc.onset_weeks === undefined ? '' : String(doc.onset_weeks),
    aggravated: Array.isArray(doc.aggravated_by) ? (doc.aggravated_by as string[]) : [],
    redFlags,
    conditions,
    painTolerance: (['low', 'medium', 'high'] as const).find((t) => t === prefs.pain_tolerance) ?? '',
    fragranceSensitive: prefs.fragrance_sensitive === true,
    pressurePreference: prefs.pressure_preference === undefined ? '' : String(prefs.pressure_preference),
    questionnaires,
    history: {
      presenting_complaint: text(history.presenting_complaint), past_history: text(history.past_history),
      medication: text(history.medication), goals: text(history.goals),
    },
  };
}
