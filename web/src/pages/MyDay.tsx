// "My day" for the signed-in therapist: their appointments of the clinic's
// today in time order, each with the patient's name (from GET /appointments),
// plan status (each patient's plans, read once per patient of the day) and
// the reasons the server gives for attention (one GET /attention for all).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type Appointment, type AttentionItem, type PlanRecord, type User } from '../api';
import { StatusWord } from '../components/calendar/status';
import { useClinicTime } from '../components/calendar/useClinicTime';
import { addDays, dayTitle, hhmm, instantOf, wallTime } from '../components/calendar/zone';
import { ErrorBox, Link, Loading, words } from '../components/common';
import { utcTime } from '../time';
import { REASON_LABEL } from './Today';
import '../components/calendar/calendar.css';

// The plan the patient is treated under, in the words of its status: the
// newest plan not replaced by a later version.
function planStatus(plans: PlanRecord[]) {
  const current = plans.filter((p) => p.status !== 'superseded').sort((a, b) => b.id - a.id)[0];
  if (!current) return 'No plan yet';
  return { approved: 'Plan approved', draft: 'Plan is a draft to review', suspended: 'Plan suspended' }[current.status as string]
    ?? `Plan ${words(current.status)}`;
}

interface Day {
  items: Appointment[];
  plans: Record<number, string>;
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
    (async () => {
      const [a, attention] = await Promise.all([
        get<{ items: Appointment[] }>(`/api/v1/appointments?from=${from}&to=${to}&therapist_id=${props.user.id}`),
        // The front desk may not read clinical follow-up: the day is shown without it.
        get<{ items: AttentionItem[] }>('/api/v1/attention').catch((e) => {
          if (e instanceof ApiError && e.status === 403) return { items: [] };
          throw e;
        }),
      ]);
      const items = a.items.slice().sort((x, y) => x.starts_at.localeCompare(y.starts_at));
      const ids = [...new Set(items.map((x) => x.patient_id))];
      const plans = await Promise.all(ids.map((id) =>
        get<{ items: PlanRecord[] }>(`/api/v1/patients/${id}/plans`).then((p) => [id, planStatus(p.items)] as const)));
      setDay({
        items,
        plans: Object.fromEntries(plans),
        reasons: Object.fromEntries(attention.items.map((i) => [i.patient.id, i.reasons])),
      });
    })().catch(setError);
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
                <div class="muted">{day.plans[a.patient_id]}</div>
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
