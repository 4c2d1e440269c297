// One session note as the clinical record: the note in full in plain words,
// whether it is a draft or signed (by whom, when), a Sign button for a draft,
// an Amend form (why, and what changes) for a signed note, and every version
// with who changed what, when and why. Prints as a clean document.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request, type NoteRecord, type Patient } from '../api';
import { ErrorBox, Link, Loading, shortDate } from '../components/common';
import { NoteDocument, PAINS, TEXTS } from '../components/NoteDocument';

function AmendForm(props: { note: NoteRecord; onDone: (n: NoteRecord) => void }) {
  const { note } = props;
  const [reason, setReason] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>(
    Object.fromEntries(TEXTS.map(([k]) => [k, note[k] ?? ''])));
  const [pains, setPains] = useState<Record<string, string>>(
    Object.fromEntries(PAINS.map(([k]) => [k, note[k] === null || note[k] === undefined ? '' : String(note[k])])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, unknown> = { reason };
    for (const [k] of TEXTS) if (texts[k] !== (note[k] ?? '')) body[k] = texts[k];
    for (const [k] of PAINS) {
      const was = note[k] === null || note[k] === undefined ? '' : String(note[k]);
      if (pains[k] !== was) body[k] = pains[k] === '' ? null : Number(pains[k]);
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await request<NoteRecord>('POST', `/api/v1/sessions/${note.id}/amendments`, body,
        { 'If-Match': `"${note.version}"` });
      props.onDone(answer.data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card amend-form no-print" onSubmit={(e) => void submit(e)} aria-labelledby="amend-title" noValidate>
      <h2 id="amend-title">Amend this note</h2>
      <p class="muted">The signed note stays as it was; your change is kept beside it with your name, the time and your reason.</p>
      <ErrorBox error={error} />
      <label>
        Why are you amending the note? (required)
        <textarea value={reason} maxLength={2000} rows={2} required
          aria-invalid={error instanceof ApiError && error.field === 'reason'}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      </label>
      {TEXTS.map(([k, label]) => (
        <label key={k}>
          {label}
          <textarea value={texts[k]} rows={3} maxLength={8000}
            onInput={(e) => setTexts({ ...texts, [k]: (e.target as HTMLTextAreaElement).value })} />
        </label>
      ))}
      <div class="pain-grid">
        {PAINS.map(([k, label]) => (
          <label key={k}>
            {label} (0 to 10)
            <input type="number" min={0} max={10} inputMode="numeric" value={pains[k]}
              onInput={(e) => setPains({ ...pains, [k]: (e.target as HTMLInputElement).value })} />
          </label>
        ))}
      </div>
      <button type="submit" disabled={busy}>Save the amendment</button>
    </form>
  );
}

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
