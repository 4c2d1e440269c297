// The start of a clinic day: today's appointments (GET /api/v1/appointments
// for the local day) and the patients who need a clinician's attention with
// the reason (GET /api/v1/attention, decided by the server from the records).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type Appointment, type AttentionItem, type Patient, type Therapist } from '../api';
import { ErrorBox, Link, Loading, words } from '../components/common';
import { clock, utcTime } from '../time';

export const REASON_LABEL: Record<string, string> = {
  red_flag: 'Red flag',
  adverse_event: 'Adverse event',
  worse_pain: 'Worse pain',
  reassessment_due: 'Reassessment due',
  draft_plan: 'Plan to review',
  no_intake: 'No intake',
};


function Appointments() {
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [names, setNames] = useState<Record<number, string>>({});
  const [therapists, setTherapists] = useState<Therapist[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    (async () => {
      const [a, t] = await Promise.all([
        get<{ items: Appointment[] }>(`/api/v1/appointments?from=${utcTime(start)}&to=${utcTime(end)}`),
        get<{ items: Therapist[] }>('/api/v1/therapists'),
      ]);
      // Only the day's own patients are read, by id.
      const ids = [...new Set(a.items.map((x) => x.patient_id))];
      const patients = await Promise.all(ids.map((id) => get<Patient>(`/api/v1/patients/${id}`)));
      setNames(Object.fromEntries(patients.map((p) => [p.id, `${p.given_name} ${p.family_name}`])));
      setTherapists(t.items);
      setItems(a.items);
    })().catch(setError);
  }, []);

  return (
    <div class="card" data-testid="today-appointments">
      <div class="page-head">
        <h2>Appointments, {new Date().toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' })}</h2>
        <Link href="/schedule" class="button secondary small-button">See the week</Link>
      </div>
      {error ? (
        <ErrorBox error={error} />
      ) : !items ? (
        <Loading what="today's appointments" />
      ) : items.length === 0 ? (
        <p>No appointments on this day.</p>
      ) : (
        <ul class="plain today-appts">
          {items.map((a) => (
            <li key={a.id} class={a.status === 'cancelled' ? 'cancelled' : ''}>
              <span class="appt-time">{clock(a.starts_at)}</span>{' '}
              <Link href={`/patients/${a.patient_id}`}>{names[a.patient_id] ?? `patient ${a.patient_id}`}</Link>{' '}
              <span class="muted">
                {a.minutes} min with {therapists.find((t) => t.id === a.therapist_id)?.display_name ?? 'a therapist'} ·{' '}
                {words(a.status)}
              </span>
              {a.status === 'booked' && (
                // Straight to the note prefilled from the plan: the fast path of a routine session.
                <Link href={`/patients/${a.patient_id}/sessions/new`} class="button small-button write-note"
                  aria-label={`Write note for ${names[a.patient_id] ?? "this patient"}`}>
                  Write note
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Attention() {
  const [answer, setAnswer] = useState<{ items: AttentionItem[]; patients_checked: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<{ items: AttentionItem[]; patients_checked: number }>('/api/v1/attention').then(setAnswer).catch(setError);
  }, []);

  if (error instanceof ApiError && error.status === 403) {
    return (
      <div class="card">
        <h2>Needs attention</h2>
        <p>Clinical follow-up is listed for therapists and administrators.</p>
      </div>
    );
  }
  return (
    <div class="card" data-testid="attention">
      <h2>Needs attention</h2>
      {error ? (
        <ErrorBox error={error} />
      ) : !answer ? (
        <Loading what="the attention list" />
      ) : answer.items.length === 0 ? (
        <p>
          None of the clinic's {answer.patients_checked} patient{answer.patients_checked === 1 ? '' : 's'} needs
          attention.
        </p>
      ) : (
        <>
          <p class="muted small">
            {answer.items.length} of {answer.patients_checked} patient{answer.patients_checked === 1 ? '' : 's'}, most
            pressing reason first.
          </p>
          <ul class="plain attention-list">
            {answer.items.map((item) => (
              <li key={item.patient.id}>
                <Link href={`/patients/${item.patient.id}`}>
                  {item.patient.given_name} {item.patient.family_name}
                </Link>
                <ul class="reasons">
                  {item.reasons.map((r, i) => (
                    <li key={i}>
                      <span class={`reason reason-${r.kind}`}>{REASON_LABEL[r.kind] ?? words(r.kind)}</span> {r.text}
                      {r.kind === 'no_intake' && (
                        <>
                          {' '}
                          <Link href={`/patients/${item.patient.id}/intake`}>start intake</Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function TodayPage() {
  return (
    <section aria-labelledby="today-title">
      <div class="page-head">
        <h1 id="today-title">Today</h1>
        <Link href="/patients" class="button">
          Find or add a patient
        </Link>
      </div>
      <div class="today-grid">
        <Appointments />
        <Attention />
      </div>
    </section>
  );
}
