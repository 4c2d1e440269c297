// A patient's session notes at a glance on the chart, newest first: when,
// draft or signed, pain before and after, and the work done; each opens the
// note in full (pages/NoteView.tsx) with its amendments.
import { useEffect, useState } from 'preact/hooks';
import { get, type Page, type SessionNoteRecord } from '../api';
import { ErrorBox, Link, shortDate, words } from './common';
import { targetsOf } from '../forms/workRows';

function pain(label: string, before: number | null, after: number | null) {
  if (before === null && after === null) return null;
  return `${label} ${before ?? '?'} → ${after ?? '?'}`;
}

export function NotesList(props: { patientId: number; reload?: number }) {
  const [notes, setNotes] = useState<SessionNoteRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<Page<SessionNoteRecord>>(`/api/v1/patients/${props.patientId}/sessions?limit=100`)
      .then((page) => setNotes(page.items))
      .catch(setError);
  }, [props.patientId, props.reload]);

  if (error) return <ErrorBox error={error} focus={false} />;
  if (!notes) return null;
  return (
    <>
      <h2 id="notes-title">Session notes</h2>
      {notes.length === 0 ? (
        <p>No session notes yet.</p>
      ) : (
        <ol class="notes-list" aria-labelledby="notes-title" data-testid="notes-list">
          {notes.map((n) => {
            const pains = [pain('Leg', n.leg_pain_before, n.leg_pain_after), pain('Back', n.back_pain_before, n.back_pain_after)]
              .filter(Boolean).join('; ');
            const work = n.techniques
              .map((t) => `${words(t.technique)} (${targetsOf(t).map((g) => words(g.region)).join(', ')})`)
              .join(', ');
            return (
              <li key={n.id}>
                <Link href={`/sessions/${n.id}`}>Note of {shortDate(n.occurred_at)}</Link>{' '}
                <span class={n.status === 'signed' ? 'note-signed' : 'note-draft'}>{n.status === 'signed' ? 'signed' : 'draft'}</span>
                {pains && <span> · pain {pains}</span>}
                <span> · {work || 'no hands-on work'}</span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
