// One session note as the clinical record: the note in full in plain words,
// whether it is a draft or signed (by whom, when), a Sign button for a draft,
// an Amend form (why, and what changes) for a signed note, and every version
// with who changed what, when and why. Prints as a clean document.
import { useEffect, useState } from 'preact/hooks';
import { get, request, type NoteRecord, type Patient } from '../api';
import { ErrorBox, Link, Loading, shortDate } from '../components/common';
import { NoteDocument } from '../components/NoteDocument';
import { AmendForm } from '../components/AmendForm';

export function NoteViewPage(props: { sessionId: number }) {
  const [note, setNote] = useState<NoteRecord | null>(null);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signError, setSignError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<NoteRecord>(`/api/v1/sessions/${props.sessionId}`)
      .then((n) => {
        setNote(n);
        return get<Patient>(`/api/v1/patients/${n.patient_id}`).then(setPatient);
      })
      .catch(setError);
  }, [props.sessionId]);

  if (error) return <ErrorBox error={error} />;
  if (!note || !patient) return <Loading what="the session note" />;

  const sign = async () => {
    setBusy(true);
    setSignError(null);
    try {
      const answer = await request<NoteRecord>('POST', `/api/v1/sessions/${note.id}/sign`, {},
        { 'If-Match': `"${note.version}"` });
      setNote(answer.data);
    } catch (err) {
      setSignError(err);
    } finally {
      setBusy(false);
    }
  };

  const name = `${patient.given_name} ${patient.family_name}`;
  return (
    <section class="note-view" aria-labelledby="note-view-title">
      <div class="page-head">
        <h1 id="note-view-title">Session note of {shortDate(note.occurred_at)}: {name}</h1>
        <div class="actions no-print">
          <Link href={`/patients/${note.patient_id}`} class="button secondary">Back to the chart</Link>
          <button type="button" class="secondary" onClick={() => window.print()}>Print</button>
        </div>
      </div>
      <NoteDocument note={note} />
      {note.status !== 'signed' ? (
        <div class="card no-print">
          <p>A draft may still be changed. Signing locks it: after that, changes are amendments kept beside it.</p>
          <ErrorBox error={signError} />
          <button type="button" disabled={busy} onClick={() => void sign()}>Sign the note</button>{' '}
          <Link href={`/patients/${note.patient_id}/sessions/${note.id}`}>Edit the draft</Link>
        </div>
      ) : (
        <AmendForm key={note.version} note={note} onDone={setNote} />
      )}

    </section>
  );
}
