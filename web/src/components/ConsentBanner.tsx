// The consent in force, shown at the top of the session note before any
// hands-on work is recorded, with a warning when none is recorded, when it
// was refused or withdrawn, or when the note works on a sensitive area the
// patient has not consented to (the server refuses that note; this says so
// first).
import { useEffect, useState } from 'preact/hooks';
import { get, type ConsentAnswer } from '../api';
import { Link } from './common';
import { consentText } from './ConsentPanel';

export function ConsentBanner(props: { patientId: number; regions: string[] }) {
  const [answer, setAnswer] = useState<ConsentAnswer | null>(null);
  useEffect(() => {
    get<ConsentAnswer>(`/api/v1/patients/${props.patientId}/consents`).then(setAnswer).catch(() => setAnswer(null));
  }, [props.patientId]);
  if (!answer) return null;
  const current = answer.current;
  const consented = new Set(current?.areas.map((a) => a.region) ?? []);
  const missing = answer.sensitive_areas.filter((a) => props.regions.includes(a.region) && !consented.has(a.region));
  const warn = !current || !current.treatment || missing.length > 0;
  return (
    <div class={warn ? 'alert-warning consent-banner' : 'card consent-banner'} role={warn ? 'alert' : undefined}
      data-testid="consent-banner">
      <p>
        <strong>Consent:</strong> {consentText(current)}
      </p>
      {current && !current.treatment && <p>No hands-on work can be recorded until the patient consents again.</p>}
      {current?.treatment && missing.length > 0 && (
        <p>
          No consent recorded for: {missing.map((a) => a.label.toLowerCase()).join(', ')}. Ask the patient and record it
          before working there.
        </p>
      )}
      {!current && <p>Ask the patient and record their consent before hands-on work.</p>}
      <Link href={`/patients/${props.patientId}`}>Record consent on the patient's page</Link>
    </div>
  );
}
