// A session note as a readable document: status (draft, or signed by whom
// and when), who wrote it, pain, the work done, reactions, the four texts and
// every version with who changed what, when and why. The note page adds the
// sign and amend controls; the whole-record print lists one per note.
import type { NoteRecord, SessionTechnique } from '../api';
import { targetWords, targetsOf } from '../forms/workRows';
import { words } from './common';
import { fieldLabel } from '../plainWords';

export type NoteText = 'subjective' | 'objective' | 'assessment' | 'plan_text';
export type NotePain = 'leg_pain_before' | 'leg_pain_after' | 'back_pain_before' | 'back_pain_after';

export const TEXTS: [NoteText, string][] = [
  ['subjective', 'What the patient reported'],
  ['objective', 'What you found'],
  ['assessment', 'Your reading of it'],
  ['plan_text', 'What comes next'],
];
export const PAINS: [NotePain, string][] = [
  ['leg_pain_before', 'Leg pain before'],
  ['leg_pain_after', 'Leg pain after'],
  ['back_pain_before', 'Back pain before'],
  ['back_pain_after', 'Back pain after'],
];
export const LABELS: Record<string, string> = Object.fromEntries([...TEXTS, ...PAINS]);

export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';

// A changed value in words: a pain score, yes/no, a list's length, or text.
function valueWords(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(nothing)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) {
    return v.length === 0 ? '(none)' : v.map((t) => (t && typeof t === 'object' && 'technique' in t
      ? `${words(String(t.technique))} on ${targetWords(targetsOf(t as SessionTechnique), words)} (${String(t.minutes)} min)`
      : JSON.stringify(t))).join('; ');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function painWords(v: number | null | undefined) {
  return v === null || v === undefined ? 'not rated' : `${v} out of 10`;
}

export function Status(props: { note: NoteRecord }) {
  const { note } = props;
  if (note.status !== 'signed') return <p class="note-status draft" data-testid="note-status">Draft: not signed yet</p>;
  return (
    <p class="note-status signed" data-testid="note-status">
      Signed by {note.signed_by_name ?? 'the therapist'} on {when(note.signed_at)}
    </p>
  );
}


export function NoteDocument(props: { note: NoteRecord; headingLevel?: 2 | 3 }) {
  const { note } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <>
        <Status note={note} />
        <p>Written by {note.therapist_name} on {when(note.created_at)}; session held {when(note.occurred_at)}.</p>

        <H>Pain</H>
        <ul class="note-pain">
          {PAINS.map(([k, label]) => <li key={k}>{label}: {painWords(note[k])}</li>)}
        </ul>

        <H>Work done</H>
        {note.techniques.length === 0 ? <p>No hands-on work recorded.</p> : (
          <ul>
            {note.techniques.map((t, i) => (
                <li key={i}>
                  {words(t.technique)} on the {targetWords(targetsOf(t), words)}, pressure {t.pressure} of 5, {t.minutes} minutes
                </li>
            ))}
          </ul>
        )}
        <p>Oil used: {note.oils_used ? 'yes' : 'no'}.</p>
        {note.adverse_events.length > 0 && (
          <>
            <H>Reactions after treatment</H>
            <ul>
                {note.adverse_events.map((e, i) => <li key={i}>{words(e.kind)} ({e.severity}){e.note ? `: ${e.note}` : ''}</li>)}
            </ul>
          </>
        )}
        {note.deviations && (
          <p class="deviation-flag">Departed from screening, acknowledged: {note.deviations.reason}</p>
        )}

        {TEXTS.map(([k, label]) => (
          <div key={k}>
            <H>{label}</H>
            <p class="note-text">{note[k] || '(nothing written)'}</p>
          </div>
        ))}

        <H>Versions</H>
        <ol class="amendment-trail" data-testid="amendment-trail">
          <li>
            Version 1: written by {note.therapist_name} on {when(note.created_at)}
            {note.status === 'signed' && <>, signed by {note.signed_by_name} on {when(note.signed_at)}</>}.
          </li>
          {note.amendments.map((a) => (
            <li key={a.version}>
                Version {note.amendments.indexOf(a) + 2}: amended by {a.amended_by_name} on {when(a.amended_at)}.
                <br />Why: {a.reason}
                <ul>
                  {Object.entries(a.changes).map(([field, change]) => (
                    <li key={field}>
                        {LABELS[field] ?? fieldLabel(field)}: was {valueWords(change.before)}, now {valueWords(change.after)}
                    </li>
                  ))}
                </ul>
            </li>
          ))}
        </ol>
    </>
  );
}
