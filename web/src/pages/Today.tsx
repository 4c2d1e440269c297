import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type AssessmentRecord, type Page, type Patient, type PlanRecord } from '../api';
import { ErrorBox, Link, Loading, TriageBadge, isReferral, shortDate } from '../components/common';

interface Row {
  patient: Patient;
  latest: AssessmentRecord | null;
  drafts: number;
}

// Patients needing attention, from the clinic's own records: the most
// recently updated patients, their latest assessment and draft plans.
const LOOK_AT = 30;

export function TodayPage() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    (async () => {
      const page = await get<Page<Patient>>(`/api/v1/patients?limit=${LOOK_AT}`);
      setTotal(page.total);
      const out = await Promise.all(
        page.items.map(async (patient) => {
          // Front-desk staff may list patients but not read clinical records.
          const forbiddenAsEmpty = (e: unknown) => {
            if (e instanceof ApiError && e.status === 403) return { items: [] };
            throw e;
          };
          const [a, p] = await Promise.all([
            get<{ items: AssessmentRecord[] }>(`/api/v1/patients/${patient.id}/assessments`).catch(forbiddenAsEmpty),
            get<{ items: PlanRecord[] }>(`/api/v1/patients/${patient.id}/plans`).catch(forbiddenAsEmpty),
          ]);
          const latest = a.items.reduce<AssessmentRecord | null>((m, x) => (!m || x.id > m.id ? x : m), null);
          return { patient, latest, drafts: p.items.filter((x) => x.status === 'draft').length };
        }),
      );
      setRows(out);
    })().catch(setError);
  }, []);

  if (error) return <ErrorBox error={error} />;
  if (!rows) return <Loading what="today's list" />;

  const referred = rows.filter((r) => r.latest && isReferral(r.latest.triage));
  const drafts = rows.filter((r) => r.drafts > 0 && !(r.latest && isReferral(r.latest.triage)));
  const noIntake = rows.filter((r) => !r.latest);
  const name = (p: Patient) => (
    <Link href={`/patients/${p.id}`}>
      {p.given_name} {p.family_name}
    </Link>
  );

  return (
    <section aria-labelledby="today-title">
      <div class="page-head">
        <h1 id="today-title">Today</h1>
        <Link href="/patients" class="button">
          Find or add a patient
        </Link>
      </div>
      <p class="muted">
        From the {rows.length} most recent of {total} patient{total === 1 ? '' : 's'} in this clinic.
      </p>
      <div class="today-grid">
        <div class="card">
          <h2>Referred: follow up</h2>
          {referred.length === 0 ? (
            <p>No patient's latest assessment referred them.</p>
          ) : (
            <ul class="plain">
              {referred.map((r) => (
                <li key={r.patient.id}>
                  {name(r.patient)} <TriageBadge triage={r.latest!.triage} />{' '}
                  <span class="muted">{shortDate(r.latest!.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="card">
          <h2>Draft plans to review</h2>
          {drafts.length === 0 ? (
            <p>No draft plans waiting.</p>
          ) : (
            <ul class="plain">
              {drafts.map((r) => (
                <li key={r.patient.id}>
                  {name(r.patient)} <span class="muted">{r.drafts} draft{r.drafts === 1 ? '' : 's'}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="card">
          <h2>No intake yet</h2>
          {noIntake.length === 0 ? (
            <p>Every listed patient has an assessment.</p>
          ) : (
            <ul class="plain">
              {noIntake.map((r) => (
                <li key={r.patient.id}>
                  {name(r.patient)}{' '}
                  <Link href={`/patients/${r.patient.id}/intake`}>start intake</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
