// The freed slots the waiting list offers (GET /api/v1/waiting-list?status=offered),
// each as the server's one sentence ("Offer … to …"), with a one-action
// booking; shown only while there is an offer. `reload` re-reads the list
// (after a cancellation or a move frees a slot); `onBooked` tells the page.
import { useEffect, useState } from 'preact/hooks';
import { get, request } from '../api';
import { ErrorBox } from './common';

interface Offered {
  id: number;
  version: number;
  patient_name?: string;
  offer: { text?: string } | null;
}

export function WaitingOffers(props: { reload: number; onBooked: (what: string) => void }) {
  const [offers, setOffers] = useState<Offered[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<{ items: Offered[] }>('/api/v1/waiting-list?status=offered')
      .then((l) => setOffers(l.items))
      .catch(setError);
  }, [props.reload]);
  if (offers.length === 0) return error ? <ErrorBox error={error} /> : null;
  const book = async (o: Offered) => {
    setError(null);
    try {
      await request('POST', `/api/v1/waiting-list/${o.id}/book`, {}, { 'If-Match': `"${o.version}"` });
      props.onBooked(`Booked from the waiting list: ${o.patient_name ?? 'the patient'}.`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card" aria-labelledby="offers-title" data-testid="waiting-offers">
      <h2 id="offers-title">Waiting list: freed slots to offer</h2>
      {error ? <ErrorBox error={error} /> : null}
      <ul class="plain">
        {offers.map((o) => (
          <li key={o.id}>
            {o.offer?.text}{' '}
            <button type="button" onClick={() => book(o)}>Book this slot</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
