// The amendment of a signed session note: why (required), and what changes —
// the SOAP text, the pain ratings and the work done (techniques, regions,
// pressure, minutes). Only the fields changed are sent; the server checks the
// amended note exactly as a new one, and work that departs from screening
// may be recorded with a reason as on the note form.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, DEVIATIONS_FIELD, request, type Knowledge, type NoteRecord } from '../api';
import { ErrorBox } from './common';
import { PAINS, TEXTS } from './NoteDocument';
import { WorkRows } from './WorkRows';
import { DeviationPanel } from './DeviationPanel';
import { problemsOf, type Problem } from './Refusals';
import { loadKnowledge } from '../knowledge';
import { rowsFromNote, techniquesBody, type WorkRow } from '../forms/workRows';

export function AmendForm(props: { note: NoteRecord; onDone: (n: NoteRecord) => void }) {
  const { note } = props;
  const [catalogue, setCatalogue] = useState<Knowledge | null>(null);
  const [reason, setReason] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>(
    Object.fromEntries(TEXTS.map(([k]) => [k, note[k] ?? ''])));
  const [pains, setPains] = useState<Record<string, string>>(
    Object.fromEntries(PAINS.map(([k]) => [k, note[k] === null || note[k] === undefined ? '' : String(note[k])])));
  const [rows, setRows] = useState<WorkRow[]>(() => rowsFromNote(note.techniques));
  const [deviationReason, setDeviationReason] = useState('');
  const [departures, setDepartures] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadKnowledge().then(setCatalogue).catch(setError);
  }, []);

  const submit = async (acknowledge: boolean) => {
    const body: Record<string, unknown> = { reason };
    for (const [k] of TEXTS) if (texts[k] !== (note[k] ?? '')) body[k] = texts[k];
    for (const [k] of PAINS) {
      const was = note[k] === null || note[k] === undefined ? '' : String(note[k]);
      if (pains[k] !== was) body[k] = pains[k] === '' ? null : Number(pains[k]);
    }
    const work = techniquesBody(rows);
    if (JSON.stringify(work) !== JSON.stringify(techniquesBody(rowsFromNote(note.techniques)))) body.techniques = work;
    if (acknowledge) Object.assign(body, { deviations_acknowledged: true, deviation_reason: deviationReason });
    setBusy(true);
    setError(null);
    try {
      const answer = await request<NoteRecord>('POST', `/api/v1/sessions/${note.id}/amendments`, body,
        { 'If-Match': `"${note.version}"` });
      props.onDone(answer.data);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.field === DEVIATIONS_FIELD) setDepartures(err.problems);
    } finally {
      setBusy(false);
    }
  };

  const problems = problemsOf(error);
  const deviationRefused = error instanceof ApiError && (error.field === DEVIATIONS_FIELD || error.field === 'deviation_reason');
  return (
    <form class="card amend-form no-print" onSubmit={(e) => {
      e.preventDefault();
      void submit(false);
    }} aria-labelledby="amend-title" noValidate>
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
      <fieldset class="amend-work" data-testid="amend-work">
        <legend>Work done</legend>
        {catalogue && <WorkRows rows={rows} catalogue={catalogue} problems={problems} onChange={setRows} />}
      </fieldset>
      {(deviationRefused || departures.length > 0) && (
        <DeviationPanel recorded={null} departures={departures} problems={problems} reason={deviationReason} busy={busy}
          onReason={setDeviationReason} onRecord={() => void submit(true)} />
      )}
      <button type="submit" disabled={busy}>Save the amendment</button>
    </form>
  );
}
