// The patient's referrals in the chart: each with its urgency, the flags that
// raised it and where it stands; the printable letter, and forms to record the
// letter sent, the doctor's outcome and closing. The server decides what a
// referral allows; this only records what happened.
import { useState } from 'preact/hooks';
import { request, type Referral } from '../api';
import { ErrorBox, shortDate } from './common';

export const URGENCY_TEXT: Record<Referral['urgency'], string> = {
  emergency: 'Emergency referral',
  urgent: 'Urgent referral',
  routine_gp: 'Referral to the GP',
};

const STATUS_TEXT: Record<Referral['status'], string> = {
  open: 'open: letter not yet sent',
  letter_sent: 'letter sent: waiting for the outcome',
  outcome_recorded: 'outcome recorded',
  closed: 'closed',
};

function OutcomeForm(props: { referral: Referral; onDone: () => void }) {
  const [seenBy, setSeenBy] = useState('');
  const [role, setRole] = useState('');
  const [seenOn, setSeenOn] = useState('');
  const [said, setSaid] = useState('');
  const [cleared, setCleared] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await request('POST', `/api/v1/referrals/${props.referral.id}/outcome`, {
        seen_by: seenBy, role, seen_on: seenOn, said, cleared,
      });
      props.onDone();
    } catch (err) {
      setError(err);
    }
  };
  const id = `outcome-${props.referral.id}`;
  return (
    <form class="referral-outcome" onSubmit={submit} aria-label="Record the doctor's outcome">
      {error ? <ErrorBox error={error} /> : null}
      <label for={`${id}-by`}>Seen by</label>
      <input id={`${id}-by`} required value={seenBy} onInput={(e) => setSeenBy(e.currentTarget.value)} />
      <label for={`${id}-role`}>Their role</label>
      <input id={`${id}-role`} required value={role} onInput={(e) => setRole(e.currentTarget.value)} />
      <label for={`${id}-on`}>Seen on</label>
      <input id={`${id}-on`} type="date" required value={seenOn} onInput={(e) => setSeenOn(e.currentTarget.value)} />
      <label for={`${id}-said`}>What they said</label>
      <textarea id={`${id}-said`} required value={said} onInput={(e) => setSaid(e.currentTarget.value)} />
      <label class="choice">
        <input type="checkbox" checked={cleared} onChange={(e) => setCleared(e.currentTarget.checked)} />
        The doctor cleared the patient for massage
      </label>
      <button type="submit">Record outcome</button>
    </form>
  );
}

function ReferralItem(props: { referral: Referral; onChanged: () => void }) {
  const r = props.referral;
  const [to, setTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const post = async (path: string, body: unknown) => {
    setError(null);
    try {
      await request('POST', `/api/v1/referrals/${r.id}/${path}`, body);
      props.onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li class={`referral referral-${r.urgency}`} data-testid="referral-record">
      <p>
        <strong>{URGENCY_TEXT[r.urgency]}</strong> raised at {r.raised_at} on {shortDate(r.opened_at)} —{' '}
        {STATUS_TEXT[r.status]}
        {r.cleared ? ' (cleared for massage)' : ''}
      </p>
      {r.advice && (
        <p class="referral-advice" data-testid="referral-advice">
          <strong>What the patient was told:</strong> {r.advice}
        </p>
      )}
      {r.flags.length > 0 && (
        <ul>
          {r.flags.map((f) => (
            <li key={f.id}>{f.reason}</li>
          ))}
        </ul>
      )}
      {r.outcomes.map((o) => (
        <p key={o.id} class="referral-outcome-text">
          Seen by {String(o.detail.seen_by ?? '')} ({String(o.detail.role ?? '')}) on {shortDate(String(o.detail.seen_on ?? ''))}:{' '}
          {String(o.detail.said ?? '')}
        </p>
      ))}
      {error ? <ErrorBox error={error} /> : null}
      {r.status !== 'closed' && (
        <div class="actions no-print">
          <a class="button secondary" href={`/api/v1/referrals/${r.id}/letter`} target="_blank" rel="noopener">
            Print letter
          </a>
          <form
            class="inline"
            aria-label="Record the letter sent"
            onSubmit={(e) => {
              e.preventDefault();
              void post('letter-sent', { to });
            }}
          >
            <label for={`to-${r.id}`}>Sent to</label>
            <input id={`to-${r.id}`} required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            <button type="submit" class="secondary">
              Record letter sent
            </button>
          </form>
          <details>
            <summary>Record the doctor's outcome</summary>
            <OutcomeForm referral={r} onDone={props.onChanged} />
          </details>
          {r.outcomes.length > 0 && (
            <button type="button" class="secondary" onClick={() => void post('close', {})}>
              Close referral
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function ReferralPanel(props: { referrals: Referral[]; onChanged: () => void }) {
  if (props.referrals.length === 0) return null;
  return (
    <section class="card referrals" aria-labelledby="referrals-title" data-testid="referrals">
      <h2 id="referrals-title">Referrals</h2>
      <ul class="plain">
        {props.referrals
          .slice()
          .reverse()
          .map((r) => (
            <ReferralItem key={r.id} referral={r} onChanged={props.onChanged} />
          ))}
      </ul>
    </section>
  );
}
