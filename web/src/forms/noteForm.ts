// The session note form's state and what it sends: the local date and time
// as the server's UTC form, the work rows (forms/workRows.ts), pain, events,
// SOAP text and the session's red-flag check; and the note's field paths in
// the words a therapist reads them.
import type { AdverseEvent, Knowledge, PlanVersion, SessionNoteRecord } from '../api';
import { newKey } from '../components/planDraft';
import { words } from '../components/common';
import { rowsFromNote, rowsFromPlan, techniquesBody, type WorkRow } from './workRows';

export interface EventRow extends AdverseEvent {
  key: number;
}

export interface NoteState {
  occurredAt: string; // <input type="datetime-local"> value, local time.
  planId: number | null;
  legBefore: number | null;
  legAfter: number | null;
  backBefore: number | null;
  backAfter: number | null;
  rows: WorkRow[];
  oilsUsed: boolean;
  events: EventRow[];
  subjective: string;
  objective: string;
  assessment: string;
  planText: string;
  deviationReason: string; // Sent only with "Record anyway".
  // The session's red-flag check (new notes): question id -> answered yes.
  redFlags: Record<string, boolean>;
}

// The red flags every session asks again: the cauda equina questions a
// patient can answer and progressive weakness. A yes refers the patient as
// an intake would (the server opens the referral and suspends the plan).
export const SESSION_RED_FLAGS = (id: string) =>
  (id.startsWith('ces_') && id !== 'ces_exam_anal_tone_perineal_loss') ||
  id === 'neuro_rapidly_progressing_deficit' ||
  id === 'neuro_foot_drop_or_major_weakness';

const pad = (n: number) => String(n).padStart(2, '0');
export function localInputValue(d: Date) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// The local time typed in the form as the server's UTC form; anything that is
// not a time goes as typed, so the server names the field.
export function utcFromLocal(value: string) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// An existing note as the form shows it.
export function stateOfNote(note: SessionNoteRecord): NoteState {
  return {
    occurredAt: localInputValue(new Date(note.occurred_at)),
    planId: note.plan_id,
    legBefore: note.leg_pain_before, legAfter: note.leg_pain_after,
    backBefore: note.back_pain_before, backAfter: note.back_pain_after,
    rows: rowsFromNote(note.techniques),
    oilsUsed: note.oils_used,
    events: (note.adverse_events ?? []).map((e) => ({ ...e, key: newKey() })),
    subjective: note.subjective, objective: note.objective, assessment: note.assessment, planText: note.plan_text,
    deviationReason: note.deviations?.reason ?? '',
    redFlags: {},
  };
}

// A new note prefilled from `plan`: its work, its oils, every session red
// flag answered "no" until the therapist ticks one.
export function stateFromPlan(plan: PlanVersion | null, k: Knowledge): NoteState {
  return {
    occurredAt: localInputValue(new Date()),
    planId: plan?.id ?? null,
    legBefore: null, legAfter: null, backBefore: null, backAfter: null,
    rows: rowsFromPlan(plan?.plan ?? null),
    oilsUsed: plan?.plan?.oils_allowed ?? false,
    events: [],
    subjective: '', objective: '', assessment: '', planText: '', deviationReason: '',
    redFlags: Object.fromEntries(k.red_flags.filter((f) => SESSION_RED_FLAGS(f.id)).map((f) => [f.id, false])),
  };
}

export function noteBody(s: NoteState, acknowledge: boolean) {
  return {
    ...(acknowledge ? { deviations_acknowledged: true, deviation_reason: s.deviationReason } : {}),
    plan_id: s.planId,
    occurred_at: utcFromLocal(s.occurredAt),
    leg_pain_before: s.legBefore,
    leg_pain_after: s.legAfter,
    back_pain_before: s.backBefore,
    back_pain_after: s.backAfter,
    techniques: techniquesBody(s.rows),
    oils_used: s.oilsUsed,
    adverse_events: s.events.map((e) => ({ kind: e.kind, severity: e.severity, note: e.note })),
    subjective: s.subjective,
    objective: s.objective,
    assessment: s.assessment,
    plan_text: s.planText,
    ...(Object.keys(s.redFlags).length ? { red_flags: s.redFlags } : {}),
  };
}

export function describeNoteField(field: string) {
  const m = /^(techniques|adverse_events)\[(\d+)\](?:\.targets\[(\d+)\])?(?:\.(\w+))?$/.exec(field);
  if (m) {
    const what = m[1] === 'techniques' ? 'Technique row' : 'Adverse event';
    const region = m[3] !== undefined ? `, region ${Number(m[3]) + 1}` : '';
    // "Technique row 1, minutes": the message follows after a colon of its own.
    return `${what} ${Number(m[2]) + 1}${region}${m[4] ? `, ${words(m[4])}` : ''}`;
  }
  const fixed: Record<string, string> = {
    occurred_at: 'Date and time', plan_text: 'Plan (SOAP)', oils_used: 'Oil used', 'if-match': 'Version',
    techniques: 'Work done', deviation_reason: 'Reason for departing from screening',
  };
  return fixed[field] ?? words(field).replace(/^./, (c) => c.toUpperCase());
}
