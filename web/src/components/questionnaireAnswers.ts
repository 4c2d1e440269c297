// Answers to the outcome questionnaires and the words for their scores, shared
// by the clinic's intake and the patient portal so that both send the same
// document and show the same numbers. Pure functions: the scores themselves
// always come from the server (POST /api/v1/questionnaires/score, the core's
// rules); nothing here knows how an instrument is scored.
import type { QuestionnaireDef, Scores } from '../api';
import { problemsOf, type Problem } from './Refusals';

// The instruments both forms offer, in the order they are asked.
export const OFFERED = ['nrs_leg', 'nrs_back', 'odi', 'sbi', 'startback'];

// One list per instrument, an entry per item; null is "not answered".
export type QuestionnaireAnswers = Record<string, (number | null)[]>;

// The words of one screen: for each instrument its heading, its short name in
// the scores, what it asks and the ends of its scale.
export interface QuestionnaireVoice {
  instruments: Record<string, { title: string; name: string; intro?: string; ends: string }>;
  // The two answers of a 0/1 item (STarT Back 1–8) that has no licensed options.
  twoChoices: [string, string];
  // Said of an instrument whose items may be left out, and of one that needs all.
  leaveOut: string;
  answerAll: string;
  // Said once when the items show topics only, not the licensed wording.
  topicsOnly?: string;
  scoresLabel: string;
  // Whether scores carry a clinician's reading of them (the ODI's band).
  interpret: boolean;
}

export function offeredDefs(defs: QuestionnaireDef[]): QuestionnaireDef[] {
  return OFFERED.map((id) => defs.find((d) => d.id === id)).filter((d): d is QuestionnaireDef => !!d);
}

export function withAnswer(answers: QuestionnaireAnswers, def: QuestionnaireDef, index: number, value: number | null) {
  const list = [...(answers[def.id] ?? Array<number | null>(def.items.length).fill(null))];
  list[index] = value;
  return { ...answers, [def.id]: list };
}

export function answeredCount(answers: QuestionnaireAnswers, id: string) {
  return (answers[id] ?? []).filter((v) => v !== null).length;
}

// A numeric rating is one number in the API; the other instruments are lists.
const isRating = (id: string) => id.startsWith('nrs_');

// The "questionnaires" member of an intake or a portal answer: an instrument is
// sent once any of its items is answered, unanswered items as null (the server
// decides whether that still gives a score).
export function questionnairesDocument(answers: QuestionnaireAnswers): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [id, list] of Object.entries(answers)) {
    if (list.every((v) => v === null)) continue;
    doc[id] = isRating(id) ? list[0] : list;
  }
  return doc;
}

// The field the server names when it refuses one item's answer.
export function itemField(id: string, index: number) {
  return isRating(id) ? `questionnaires.${id}` : `questionnaires.${id}[${index}]`;
}

// The problems of a refusal, each field as itemField names it: the server
// names fields from the root of what it read ("intake.questionnaires.odi[2]",
// or ".questionnaires.odi[2]" from the portal's route).
export function questionnaireProblems(error: unknown): Problem[] {
  return problemsOf(error).map((p) => {
    const at = p.field.indexOf('questionnaires');
    return at < 0 ? p : { ...p, field: p.field.slice(at) };
  });
}

// How one instrument's score reads in a screen's words.
export function scoreText(def: QuestionnaireDef, scores: Scores, voice: QuestionnaireVoice): string {
  const name = voice.instruments[def.id]?.name ?? def.id;
  const most = def.items.reduce((sum, item) => sum + item.max, 0);
  switch (def.id) {
    case 'nrs_leg':
    case 'nrs_back': {
      const n = scores[def.id as 'nrs_leg' | 'nrs_back'];
      return n === undefined ? `${name}: not answered` : `${name} ${n} of ${most}`;
    }
    case 'odi': {
      const s = scores.odi;
      if (!s) return `${name}: not answered`;
      if (s.percent === null) return `${name}: too few sections answered for a score`;
      const band = voice.interpret && (s.band_label ?? s.band);
      return `${name} ${s.percent.toFixed(1)} %${band ? `: ${band}` : ''}`;
    }
    case 'sbi': {
      const s = scores.sbi;
      if (!s) return `${name}: not answered`;
      return s.total === null ? `${name}: answer every item for a total` : `${name} total ${s.total} of ${most}`;
    }
    case 'startback': {
      const s = scores.startback;
      if (!s) return `${name}: not answered`;
      return s.risk === null
        ? `${name}: answer every item for a risk group`
        : `${name} ${s.risk} risk (total ${s.total}, psychosocial ${s.psychosocial})`;
    }
    default:
      return '';
  }
}

// The scores of the instruments that have one, as one line.
export function scoreSummary(defs: QuestionnaireDef[], scores: Scores, voice: QuestionnaireVoice): string {
  return defs
    .filter((d) => scores[d.id as keyof Scores] !== undefined)
    .map((d) => scoreText(d, scores, voice))
    .join('; ');
}
