// The start of a clinic day: today's appointments (GET /api/v1/appointments
// for the clinic's day, shown on the clinic's clock whatever the device's
// zone) and the patients who need a clinician's attention with the reason
// (GET /api/v1/attention, decided by the server from the records), and the
// patients' requests to move an appointment, to accept or decline.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type Appointment, type AttentionItem, type Therapist } from '../api';
import { ErrorBox, Link, Loading, words } from '../components/common';
import { MoveRequests } from '../components/MoveRequests';
import { addDaysTo, clinicZone, zoneClock, zoneDate, zoneDay, zoneUtc } from '../time';

export const REASON_LABEL: Record<string, string> = {
  red_flag: 'Red flag',
  adverse_event: 'Adverse event',
  worse_pain: 'Worse pain',
  reassessment_due: 'Reassessment due',
  draft_plan: 'Plan to review',
  no_intake: 'No intake',
};

type DayAppointments = { items: Appointment[]; therapists: Therapist[] };
type AttentionAnswer = { items: AttentionItem[]; patients_checked: number };

// The clinic's day (its zone learnt after sign-in, time.ts): its
// appointments (each with the patient's name) and the therapists.
async function loadDay(): Promise<DayAppointments> {
  const zone = clinicZone();
  const today = zoneDay(new Date(), zone);
  const from = zoneUtc(today, '00:00', zone);
  const to = zoneUtc(addDaysTo(today, 1), '00:00', zone);
  const [a, t] = await Promise.all([
    get<{ items: Appointment[] }>(`/api/v1/appointments?from=${from}&to=${to}`),
    get<{ items: Therapist[] }>('/api/v1/therapists'),
  ]);
  return { items: a.items, therapists: t.items };
}

function Appointments({ day, error }: { day: DayAppointments | null; error: unknown }) {
  const items = day?.items ?? null;
  const therapists = day?.therapists ?? [];
  const zone = clinicZone();
  const nameOf = (a: Appointment) => a.patient_name ?? 'a patient';
  return (
    <div class="card" data-testid="today-appointments">
      <div class="page-head">
        <h2>Appointments{day ? `, ${zoneDate(new Date(), zone)}` : ''}</h2>
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
              <span class="appt-time">{zoneClock(a.starts_at, zone)}</span>{' '}
              <Link href={`/patients/${a.patient_id}`}>{nameOf(a)}</Link>{' '}
              <span class="muted">
                {a.minutes} min with {therapists.find((t) => t.id === a.therapist_id)?.display_name ?? 'a therapist'} ·{' '}
                {words(a.status)}
              </span>
              {a.status === 'booked' && (
                // Straight to the note prefilled from the plan: the fast path of a routine session.
                <Link href={`/patients/${a.patient_id}/sessions/new`} class="button small-button write-note"
                  aria-label={`Write note for ${nameOf(a)}`}>
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

function Attention({ answer, error }: { answer: AttentionAnswer | null; error: unknown }) {
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
  const [day, setDay] = useState<DayAppointments | null>(null);
  const [dayError, setDayError] = useState<unknown>(null);
  const [attention, setAttention] = useState<AttentionAnswer | null>(null);
  const [attentionError, setAttentionError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [said, setSaid] = useState('');
  const [reload, setReload] = useState(0);
  // Both cards appear together once both answers are in, so neither pushes
  // the other down as it fills (a layout shift Lighthouse counts against us).
  useEffect(() => {
    Promise.all([
      loadDay().then(setDay, setDayError),
      get<AttentionAnswer>('/api/v1/attention').then(setAttention, setAttentionError),
    ]).finally(() => setLoaded(true));
  }, [reload]);
  return (
    <section aria-labelledby="today-title">
      <div class="page-head">
        <h1 id="today-title">Today</h1>
        <Link href="/patients" class="button">
          Find or add a patient
        </Link>
      </div>
      {!loaded ? (
        <Loading what="today's appointments and the attention list" />
      ) : (
        <>
          <p role="status" class="status-line">{said}</p>
          <div class="today-grid">
            <Appointments day={day} error={dayError} />
            <Attention answer={attention} error={attentionError} />
          </div>
          {/* Below the day's cards: appearing when its list is in, it moves nothing above. */}
          {day && (
            <MoveRequests zone={clinicZone()} reload={reload}
              onAnswered={(what) => { setSaid(what); setReload((n) => n + 1); }} />
          )}
        </>
      )}
    </section>
  );
}
