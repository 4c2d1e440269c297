import { useEffect, useState } from 'preact/hooks';
import { get, type AssessmentRecord, type Patient, type PlanRecord } from '../api';
import { ErrorBox, Link, Loading, TriageBadge, ageFrom, shortDate } from '../components/common';
import { ResultView } from '../components/ResultView';

export function PatientPage(props: { patientId: number }) {
  const id = props.patientId;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [assessments, setAssessments] = useState<AssessmentRecord[] | null>(null);
  const [plans, setPlans] = useState<PlanRecord[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    Promise.all([
      get<Patient>(`/api/v1/patients/${id}`),
      get<{ items: AssessmentRecord[] }>(`/api/v1/patients/${id}/assessments`),
      get<{ items: PlanRecord[] }>(`/api/v1/patients/${id}/plans`),
    ])
      .then(([p, a, pl]) => {
        setPatient(p);
        const items = [...a.items].sort((x, y) => y.id - x.id);
        setAssessments(items);
        setPlans(pl.items);
        if (items.length) setShown(items[0].id);
      })
      .catch(setError);
  }, [id]);

  if (error) return <ErrorBox error={error} />;
  if (!patient || !assessments) return <Loading what="the patient" />;
  const current = assessments.find((a) => a.id === shown) ?? null;
  const plan = current ? plans.find((p) => p.assessment_id === current.id) ?? null : null;

  return (
    <section aria-labelledby="patient-title">
      <div class="page-head">
        <h1 id="patient-title">
          {patient.given_name} {patient.family_name}
        </h1>
        <Link href={`/patients/${id}/intake`} class="button">
          New intake
        </Link>
      </div>
      <dl class="facts">
        <dt>Date of birth</dt>
        <dd>
          {patient.date_of_birth} (age {ageFrom(patient.date_of_birth) ?? '–'})
        </dd>
        <dt>Sex</dt>
        <dd>{patient.sex}</dd>
        {patient.phone && (
          <>
            <dt>Phone</dt>
            <dd>{patient.phone}</dd>
          </>
        )}
        {patient.email && (
          <>
            <dt>Email</dt>
            <dd>{patient.email}</dd>
          </>
        )}
      </dl>
      {patient.notes && <p class="notes">{patient.notes}</p>}

      <h2>Assessments</h2>
      {assessments.length === 0 ? (
        <p>No assessment yet. Start with a new intake.</p>
      ) : (
        <ul class="assessment-list">
          {assessments.map((a) => (
            <li key={a.id}>
              <button type="button" class="linklike" aria-pressed={a.id === shown} onClick={() => setShown(a.id)}>
                {shortDate(a.created_at)} · {a.kind}
              </button>{' '}
              <TriageBadge triage={a.triage} />
            </li>
          ))}
        </ul>
      )}
      {current?.result && <ResultView result={current.result} planRecord={plan} headingLevel={2} />}
    </section>
  );
}
