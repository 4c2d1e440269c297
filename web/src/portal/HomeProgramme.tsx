// The home programme in plain words, from the approved plan: self-massage,
// stretches and exercise, and when to get help. Printable (styles.css @media
// print hides the navigation and buttons).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type HomeProgramme, type Patient, type WithdrawnProgramme } from '../api';
import { ErrorBox, Loading, words, shortDate } from '../components/common';

const GRADE_TEXT: Record<string, string> = {
  moderate: 'moderate evidence',
  low: 'low evidence',
  very_low: 'very low evidence',
  expert: 'expert opinion',
  none: 'no evidence yet',
  guideline: 'guideline advice',
  therapist: "your therapist's reasoning",
};

// The plan's own framing is written for the therapist; this says the same to the patient.
const PRESENTED_TO_PATIENT =
  'Massage gives short-term relief. It works as one part of a package with exercise and staying active, and it does not cure sciatica.';

// What the patient should do for each urgency of the plan's escalation rules;
// the other rules (during a session, at a reassessment) are the therapist's.
const PATIENT_ACTION: Record<string, string> = {
  emergency: 'Go to an emergency department now.',
  urgent: 'Stop self-massage and contact your doctor the same day.',
};

export function HomeProgrammePage(props: { patientId: number }) {
  const [programme, setProgramme] = useState<HomeProgramme | WithdrawnProgramme | null | undefined>(undefined);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<Patient>(`/api/v1/patients/${props.patientId}`).then(setPatient).catch(setError);
    get<HomeProgramme | WithdrawnProgramme>(`/api/v1/patients/${props.patientId}/home-programme`)
      .then(setProgramme)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) setProgramme(null);
        else setError(e);
      });
  }, [props.patientId]);

  if (error) return <ErrorBox error={error} />;
  if (programme === undefined) return <Loading what="your home programme" />;
  if (programme === null) {
    return (
      <section aria-labelledby="home-title">
        <h1 id="home-title">Your home programme</h1>
        <p>Your therapist has not approved a plan for you yet. Your home programme appears here once they have.</p>
      </section>
    );
  }
  if ('withdrawn' in programme) {
    // A referral stands: the server serves no exercises, only what to do instead.
    return (
      <section aria-labelledby="home-title" class="home-programme" data-testid="programme-withdrawn">
        <h1 id="home-title">Your home programme is paused</h1>
        <p role="alert" class={programme.urgency === 'emergency' ? 'alert-danger' : undefined}>
          {programme.message}
        </p>
      </section>
    );
  }
  const stretches = programme.complements.filter((c) => c.kind === 'stretching');
  const others = programme.complements.filter((c) => c.kind !== 'stretching');
  const help = programme.escalation.filter((e) => PATIENT_ACTION[e.urgency]);
  return (
    <article aria-labelledby="home-title" class="home-programme">
      <div class="page-head">
        <h1 id="home-title">Your home programme</h1>
        <button type="button" class="no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <p class="print-only">
        {patient ? `${patient.given_name} ${patient.family_name}` : ''}
        {programme.approved_at ? ` · plan approved ${shortDate(programme.approved_at)}` : ''}
      </p>
      <p class="presented-as">{PRESENTED_TO_PATIENT}</p>
      {programme.sessions.count ? (
        <p>
          At the clinic: {programme.sessions.count} sessions, {programme.sessions.per_week} a week
          {programme.sessions.minutes ? `, about ${programme.sessions.minutes} minutes each` : ''}.
        </p>
      ) : null}

      <section class="card" aria-labelledby="self-massage-title">
        <h2 id="self-massage-title">Self-massage</h2>
        {programme.self_massage.length === 0 ? (
          <p>Your plan has no self-massage. Keep to the stretches and activity below.</p>
        ) : (
          <ul class="plain">
            {programme.self_massage.map((t, i) => (
              <li key={i}>
                <strong>{[...new Set(t.targets.map((g) => `${words(g.side)} ${words(g.region)}`))].join(', ') || t.label}</strong>
                : about {t.minutes} minutes in all, with no more than {t.pressure_label || 'gentle'} pressure.
                {t.targets.length > 0 && <span> Muscles: {t.targets.map((g) => words(g.muscle)).join('; ')}.</span>}
                {t.because.length > 0 && <span class="muted"> Why: {t.because.join(' ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="stretches-title">
        <h2 id="stretches-title">Stretches</h2>
        {stretches.length === 0 ? (
          <p>No stretches in your plan.</p>
        ) : (
          <ul class="plain">
            {stretches.map((c) => (
              <li key={c.id}>
                {c.text} <span class="muted">Why: {c.because}</span>{' '}
                <span class="small muted">({GRADE_TEXT[c.evidence.grade] ?? c.evidence.grade})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {others.length > 0 && (
        <section class="card" aria-labelledby="activity-title">
          <h2 id="activity-title">Staying active</h2>
          <ul class="plain">
            {others.map((c) => (
              <li key={c.id}>
                {c.text} <span class="muted">Why: {c.because}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {help.length > 0 && (
        <section class="card" aria-labelledby="help-title">
          <h2 id="help-title">When to get help</h2>
          <ul class="plain">
            {help.map((e, i) => (
              <li key={i}>
                <strong>{e.when}:</strong> {PATIENT_ACTION[e.urgency]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
