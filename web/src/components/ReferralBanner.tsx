// A referred patient's session note opens with the referral, before the
// consent and the form: what was found, how urgent, what the patient was told.
// The server decides what work a referral allows (care guard); this makes sure
// the therapist reads it before starting, not after a refusal.
import { useEffect, useState } from 'preact/hooks';
import { get, type Referral } from '../api';
import { Link, shortDate } from './common';
import { URGENCY_TEXT } from './ReferralPanel';

export function ReferralBanner(props: { patientId: number }) {
  const [open, setOpen] = useState<Referral[]>([]);
  useEffect(() => {
    get<{ items: Referral[] }>(`/api/v1/patients/${props.patientId}/referrals`)
      .then((r) => setOpen(r.items.filter((x) => x.status !== 'closed')))
      .catch(() => setOpen([]));
  }, [props.patientId]);
  if (open.length === 0) return null;
  return (
    <div class="alert-referral" role="alert" data-testid="referral-banner">
      <h2>Referred: read this before the session</h2>
      {open.map((r) => (
        <div key={r.id}>
          <p>
            <strong>{URGENCY_TEXT[r.urgency]}</strong> on {shortDate(r.opened_at)}
            {r.cleared ? ', and a doctor has cleared the patient for massage' : ', not yet cleared by a doctor'}.
          </p>
          {r.flags.length > 0 && (
            <ul>
              {r.flags.map((f) => (
                <li key={f.id}>{f.reason}</li>
              ))}
            </ul>
          )}
          {r.advice && (
            <p>
              <strong>What the patient was told:</strong> {r.advice}
            </p>
          )}
        </div>
      ))}
      <p>
        Record the visit and what you advised; hands-on work the referral does not allow is refused.{' '}
        <Link href={`/patients/${props.patientId}`}>Open the referral on the patient's page</Link>
      </p>
    </div>
  );
}
