// The patients' pending requests to move an appointment
// (GET /api/v1/move-requests?status=pending), each with the time it has and
// the time wanted on the clinic's clock and what holds that time; the front
// desk accepts one (the server moves the appointment, keeping the old time)
// or declines it with a reason the patient reads. Shown only while there is
// one. `reload` re-reads the list; `onAnswered` tells the page what happened.
import { useEffect, useState } from 'preact/hooks';
import { get, request, type MoveRequest } from '../api';
import { zoneClock, zoneDate } from '../time';
import { ErrorBox } from './common';

export function MoveRequests(props: { zone: string; reload: number; onAnswered: (what: string) => void }) {
  const [pending, setPending] = useState<MoveRequest[]>([]);
  const [error, setError] = useState<unknown>(null);
  // The request being declined, and why.
  const [declining, setDeclining] = useState<number | null>(null);
  const [why, setWhy] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    get<{ items: MoveRequest[] }>('/api/v1/move-requests?status=pending')
      .then((l) => setPending(l.items))
      .catch(setError);
  }, [props.reload, tick]);
  if (pending.length === 0) return error ? <ErrorBox error={error} /> : null;
  const when = (iso: string) => `${zoneDate(iso, props.zone)} at ${zoneClock(iso, props.zone)}`;
  const answer = async (m: MoveRequest, verb: 'accept' | 'decline', body: object) => {
    setError(null);
    try {
      await request('POST', `/api/v1/move-requests/${m.id}/${verb}`, body, { 'If-Match': `"${m.version}"` });
      setDeclining(null);
      setWhy('');
      setTick((n) => n + 1);
      props.onAnswered(
        verb === 'accept'
          ? `${m.patient_name ?? 'The patient'} moved to ${when(m.wanted_starts_at)}.`
          : `Declined ${m.patient_name ?? 'the patient'}'s request to move; they will read why.`,
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="card" data-testid="move-requests">
      <h2>Requests to move an appointment ({pending.length})</h2>
      <ErrorBox error={error} />
      <ul class="plain">
        {pending.map((m) => (
          <li key={m.id} class="request-row">
            <span>
              {m.patient_name}: from {when(m.appointment_starts_at)} to <strong>{when(m.wanted_starts_at)}</strong>,{' '}
              {m.minutes} min with {m.therapist_name}
              {m.note && <span class="muted"> “{m.note}”</span>}
              {m.clash && <span class="clash"> Clash: {m.clash}.</span>}
            </span>
            <span class="row-actions">
              <button type="button" class="secondary small-button" onClick={() => answer(m, 'accept', {})}>
                Accept the move
              </button>
              <button type="button" class="secondary small-button" onClick={() => { setDeclining(m.id); setWhy(''); }}>
                Decline
              </button>
            </span>
            {declining === m.id && (
              <form class="decline-form" onSubmit={(e) => { e.preventDefault(); answer(m, 'decline', { reason_text: why }); }}>
                <label for={`decline-${m.id}`}>Why is it declined? The patient will read this.</label>
                <textarea id={`decline-${m.id}`} rows={2} required value={why} onInput={(e) => setWhy(e.currentTarget.value)} />
                <div class="actions">
                  <button type="submit">Decline the move</button>
                  <button type="button" class="secondary" onClick={() => setDeclining(null)}>Keep the request</button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
