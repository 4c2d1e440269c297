// "My day" for the signed-in therapist: their appointments of the clinic's
// today in time order, each with the patient's name and plan status (both in
// the one GET /appointments) and the reasons the server gives for attention
// (one GET /attention for all). The front desk, who may not read clinical
// records, sees the day without plan status or reasons.
import { useEffect, useState } from 'preact/hooks';
import { get, type Appointment, type AttentionItem, type User } from '../api';
import { StatusWord } from '../components/calendar/status';
import { useClinicTime } from '../components/calendar/useClinicTime';
import { addDays, dayTitle, hhmm, instantOf, wallTime } from '../components/calendar/zone';
import { ErrorBox, Link, Loading, words } from '../components/common';
import { utcTime } from '../time';
import { REASON_LABEL } from './Today';
import '../components/calendar/calendar.css';

const PLAN_WORDS: Record<string, string> = {
  approved: 'Plan approved',
  draft: 'Plan is a draft to review',
  suspended: 'Plan suspended',
};

interface Day {
  items: Appointment[];
  reasons: Record<number, AttentionItem['reasons']>;
}

export function MyDayPage(props: { user: User }) {
  const [error, setError] = useState<unknown>(null);
  const time = useClinicTime(setError);
  const [day, setDay] = useState<Day | null>(null);
  const today = time ? wallTime(new Date(), time.zone).day : null;

  useEffect(() => {
    if (!time || !today) return;
    const from = utcTime(instantOf(today, 0, time.zone));
    const to = utcTime(instantOf(addDays(today, 1), 0, time.zone));
    const clinician = props.user.role === 'therapist' || props.user.role === 'admin';
    const range = `from=${from}&to=${to}&therapist_id=${props.user.id}${clinician ? '&with=plan_status' : ''}`;
    Promise.all([
      get<{ items: Appointment[] }>(`/api/v1/appointments?${range}`),
      clinician ? get<{ items: AttentionItem[] }>('/api/v1/attention') : Promise.resolve({ items: [] }),
    ])
      .then(([a, attention]) => setDay({
        items: a.items.slice().sort((x, y) => x.starts_at.localeCompare(y.starts_at)),
        reasons: Object.fromEntries(attention.items.map((i) => [i.patient.id, i.reasons])),
      }))
      .catch(setError);
  }, [time, today]);

  if (!time || !today || !day) return error ? <ErrorBox error={error} /> : <Loading what="your day" />;
  return (
    <section aria-labelledby="my-day-title">
      <div class="page-head">
        <h1 id="my-day-title">My day</h1>
        <Link href="/calendar" class="button secondary">Calendar</Link>
      </div>
      <h2>{dayTitle(today)}</h2>
      <p class="muted">Times are the clinic's ({time.zone.replace(/_/g, ' ')}).</p>
      {day.items.length === 0 ? (
        <p>You have no appointments today.</p>
      ) : (
        <ol class="plain my-day" data-testid="my-day">
          {day.items.map((a) => {
            const start = wallTime(new Date(a.starts_at), time.zone).minute;
            const reasons = day.reasons[a.patient_id] ?? [];
            return (
              <li key={a.id} class="card my-day-item">
                <div>
                  <span class="appt-time">{hhmm(start)}–{hhmm(start + a.minutes)}</span>{' '}
                  <Link href={`/patients/${a.patient_id}`}>{a.patient_name || 'Patient'}</Link>{' '}
                  <StatusWord status={a.status} />
                </div>
                {a.plan_status !== undefined && (
                  <div class="muted">{a.plan_status ? PLAN_WORDS[a.plan_status] : 'No plan yet'}</div>
                )}
                {reasons.length > 0 && (
                  <ul class="reasons">
                    {reasons.map((r, i) => (
                      <li key={i}>
                        <span class={`reason reason-${r.kind}`}>{REASON_LABEL[r.kind] ?? words(r.kind)}</span> {r.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
