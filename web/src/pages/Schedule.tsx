// The clinic's week by therapist (GET /api/v1/appointments?from&to), booking
// (components/BookingForm), status changes with If-Match, and the patients'
// appointment requests and requests to move waiting to be confirmed or declined. Every day and time
// is on the clinic's clock (its time zone), and each therapist's day shows
// their working hours, breaks and time off, a day off greyed out.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  get, getEvery, request, type Appointment, type Room, type Therapist, type TherapistAvailability,
  type TimeOff, type User,
} from '../api';
import { BookingForm } from '../components/BookingForm';
import { CancelAppointment } from '../components/CancelAppointment';
import { DeclineRequest } from '../components/DeclineRequest';
import { WaitingOffers } from '../components/WaitingOffers';
import { MoveAppointment } from '../components/MoveAppointment';
import { MoveRequests } from '../components/MoveRequests';
import { ScheduleWaitingList } from '../components/ScheduleWaitingList';
import { clinicZone, localDay, utcTime, zoneClock, zoneDate, zoneDay } from '../time';
import { ErrorBox, Link, Loading, words } from '../components/common';

function mondayOf(d: Date) {
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
  return m;
}

function addDays(d: Date, n: number) {
  const out = new Date(d);
  out.setDate(out.getDate() + n);
  return out;
}

const dayLabel = (d: Date) => d.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' });

// A therapist's hours on one weekday (0 = Monday) in words: "09:00–17:00,
// break 12:30–13:00", "Not working", or nothing when they never set hours.
function workingDay(a: TherapistAvailability | undefined, weekday: number) {
  if (!a?.set) return '';
  const name = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][weekday];
  const spans = (list: TherapistAvailability['hours']) =>
    list.filter((h) => h.weekday === name).map((h) => `${h.starts}–${h.ends}`).join(' and ');
  const hours = spans(a.hours);
  if (!hours) return 'Not working';
  const breaks = spans(a.breaks);
  return breaks ? `${hours}, break ${breaks}` : hours;
}

// What a member of staff may do next with an appointment in each status;
// done, cancelled and no-show are final (the server refuses changes).
const NEXT: Record<string, { status: string; label: string }[]> = {
  requested: [
    { status: 'booked', label: 'Confirm the request' },
    { status: 'cancelled', label: 'Decline the request' },
  ],
  booked: [
    { status: 'arrived', label: 'Mark arrived' },
    { status: 'done', label: 'Mark done' },
    { status: 'no_show', label: 'Mark no-show' },
    { status: 'cancelled', label: 'Cancel appointment' },
  ],
  arrived: [{ status: 'done', label: 'Mark done' }],
};

export function SchedulePage(props: { user: User }) {
  const [monday, setMonday] = useState(() => mondayOf(new Date()));
  const [week, setWeek] = useState<Appointment[] | null>(null);
  const [requests, setRequests] = useState<Appointment[]>([]);
  const [therapists, setTherapists] = useState<Therapist[] | null>(null);
  const zone = clinicZone(); // Learnt after sign-in (time.ts).
  const [rooms, setRooms] = useState<Room[]>([]);
  const [weeks, setWeeks] = useState<Record<number, TherapistAvailability>>({});
  const [away, setAway] = useState<Record<number, TimeOff[]>>({});
  // Names of the patients on screen, as the appointments bring them.
  const [names, setNames] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<Appointment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [reload, setReload] = useState(0);
  // The appointment whose cancellation is being confirmed, with its reason.
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  // The request being declined (the patient reads why).
  const [declining, setDeclining] = useState<Appointment | null>(null);
  const [moving, setMoving] = useState<Appointment | null>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);
  const selectedId = selected?.id;
  useEffect(() => {
    if (selectedId !== undefined) detailRef.current?.focus();
  }, [selectedId]);

  useEffect(() => {
    Promise.all([get<{ items: Therapist[] }>('/api/v1/therapists'), get<{ items: Room[] }>('/api/v1/rooms')])
      .then(async ([t, roomList]) => {
        const active = t.items.filter((x) => x.active);
        const [hours, off] = await Promise.all([
          Promise.all(active.map((x) => get<TherapistAvailability>(`/api/v1/therapists/${x.id}/availability`))),
          Promise.all(active.map((x) => get<{ items: TimeOff[] }>(`/api/v1/therapists/${x.id}/time-off`))),
        ]);
        setWeeks(Object.fromEntries(hours.map((h) => [h.therapist_id, h])));
        setAway(Object.fromEntries(active.map((x, i) => [x.id, off[i].items.filter((o) => !o.withdrawn)])));
        setRooms(roomList.items);
        setTherapists(active);
      })
      .catch(setError);
  }, [reload]);

  useEffect(() => {
    // A day more on each side: the clinic's days need not begin at the
    // device's midnight; appointments are placed by the clinic's calendar.
    const from = utcTime(addDays(monday, -1));
    const to = utcTime(addDays(monday, 8));
    // Requests: from the start of today over the next eight weeks.
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    // Every appointment of a busy week (it may pass one page), each with its
    // patient's name, so the page reads no patient on its own.
    Promise.all([
      getEvery<Appointment>(`/api/v1/appointments?from=${from}&to=${to}`),
      getEvery<Appointment>(`/api/v1/appointments?from=${utcTime(today)}&to=${utcTime(addDays(today, 56))}&status=requested`),
    ])
      .then(([w, waiting]) => {
        setNames((n) => ({ ...n, ...Object.fromEntries([...w, ...waiting].map((a) => [a.patient_id, a.patient_name ?? ''])) }));
        setWeek(w);
        setRequests(waiting);
      })
      .catch(setError);
  }, [monday, reload]);

  const clockOf = (iso: string) => zoneClock(iso, zone);
  const dateOf = (iso: string) => zoneDate(iso, zone);
  const patientName = (id: number) => names[id] ?? `patient ${id}`;
  const therapistName = (id: number) => therapists?.find((t) => t.id === id)?.display_name ?? `user ${id}`;

  const change = async (a: Appointment, next: string, reason?: { reason?: string; reason_text: string }) => {
    setError(null);
    setCancelling(null);
    setDeclining(null);
    try {
      const { data } = await request<Appointment>('PATCH', `/api/v1/appointments/${a.id}`,
        { status: next, ...(reason ?? {}) }, { 'If-Match': `"${a.version}"` });
      setSelected(data);
      setStatus(`${patientName(a.patient_id)} at ${clockOf(a.starts_at)}: ${words(data.status)}.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };

  if (!therapists || !week) return error ? <ErrorBox error={error} /> : <Loading what="the schedule" />;

  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
  const canReadPlans = props.user.role === 'admin' || props.user.role === 'therapist';
  const entry = (a: Appointment) => (
    <li key={a.id}>
      <button type="button" class={`appt appt-${a.status}`} aria-pressed={selected?.id === a.id}
        onClick={() => setSelected(a)} data-appointment={a.id}>
        <span class="appt-time">{clockOf(a.starts_at)}</span> {patientName(a.patient_id)}
        <span class="appt-meta">{a.minutes} min · {words(a.status)}</span>
      </button>
    </li>
  );

  return (
    <section aria-labelledby="schedule-title">
      <div class="page-head">
        <h1 id="schedule-title">Schedule</h1>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setMonday(addDays(monday, -7))}>Previous week</button>
          <button type="button" class="secondary" onClick={() => setMonday(mondayOf(new Date()))}>This week</button>
          <button type="button" class="secondary" onClick={() => setMonday(addDays(monday, 7))}>Next week</button>
        </div>
      </div>
      <p role="status" class="status-line">{status}</p>
      <ErrorBox error={error} />

      <BookingForm therapists={therapists} rooms={rooms} canReadPlans={canReadPlans} zone={zone}
        onBooked={(a, name) => {
          setNames((n) => ({ ...n, [a.patient_id]: name }));
          setStatus(`Booked ${name} with ${therapistName(a.therapist_id)}${a.room_name ? ` in ${a.room_name}` : ''} on ${dateOf(a.starts_at)} at ${clockOf(a.starts_at)}.`);
          setMonday(mondayOf(new Date(`${zoneDay(a.starts_at, zone)}T12:00`)));
          setReload((n) => n + 1);
        }} />

      <WaitingOffers reload={reload} onBooked={(what) => { setStatus(what); setReload((n) => n + 1); }} />
      <MoveRequests zone={zone} reload={reload} onAnswered={(what) => { setStatus(what); setReload((n) => n + 1); }} />
      <ScheduleWaitingList />
      {requests.length > 0 && (
        <div class="card" data-testid="requests">
          <h2>Appointment requests from patients ({requests.length})</h2>
          <ul class="plain">
            {requests.map((a) => (
              <li key={a.id} class="request-row">
                <span>
                  {patientName(a.patient_id)}: {dateOf(a.starts_at)} at {clockOf(a.starts_at)}, {a.minutes} min,
                  with {therapistName(a.therapist_id)}{a.note && <span class="muted"> “{a.note}”</span>}
                  {a.clash && <span class="clash"> Clash: {a.clash}.</span>}
                </span>
                <span class="row-actions">
                  {NEXT.requested.map((n) => (
                    <button key={n.status} type="button" class="secondary small-button"
                      onClick={() => (n.status === 'cancelled' ? (setSelected(null), setDeclining(a)) : change(a, n.status))}>
                      {n.label}
                    </button>
                  ))}
                </span>
                {declining?.id === a.id && !selected && (
                  <DeclineRequest who={`${patientName(a.patient_id)}'s request for ${dateOf(a.starts_at)} at ${clockOf(a.starts_at)}`}
                    onConfirm={(text) => change(a, 'cancelled', { reason_text: text })} onKeep={() => setDeclining(null)} />
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <h2 id="week-title">
        Week of {dayLabel(monday)} – {dayLabel(addDays(monday, 6))}
      </h2>
      {selected && (
        <div class="card appt-detail" aria-labelledby="appt-detail-title" role="region" data-testid="appointment-detail">
          <h2 id="appt-detail-title" tabIndex={-1} ref={detailRef}>
            {patientName(selected.patient_id)}, {dateOf(selected.starts_at)} at {clockOf(selected.starts_at)}
          </h2>
          <p>
            {selected.minutes} minutes with {therapistName(selected.therapist_id)}
            {selected.room_name ? ` in ${selected.room_name}` : ''}. Status: <strong>{words(selected.status)}</strong>.
            {selected.plan_id !== null && ' Part of the approved plan.'}
            {selected.note && <> Note: {selected.note}</>}
          </p>
          <div class="actions">
            {(NEXT[selected.status] ?? []).map((n) => (
              <button key={n.status} type="button" onClick={() =>
                n.status !== 'cancelled' ? change(selected, n.status)
                  : selected.status === 'requested' ? setDeclining(selected) : setCancelling(selected)}>
                {n.label}
              </button>
            ))}
            {selected.status === 'booked' && (
              <button type="button" onClick={() => setMoving(selected)}>Move appointment</button>
            )}
            <Link href={`/patients/${selected.patient_id}`} class="button secondary">Open patient</Link>
            <button type="button" class="secondary" onClick={() => setSelected(null)}>Close</button>
          </div>
          {moving?.id === selected.id && (
            <MoveAppointment appointment={selected} therapists={therapists} rooms={rooms} zone={zone} onKeep={() => setMoving(null)}
              onMoved={(moved) => {
                setMoving(null);
                setSelected(moved);
                setStatus(`${patientName(moved.patient_id)} moved to ${dateOf(moved.starts_at)} at ${clockOf(moved.starts_at)}.`);
                setReload((n) => n + 1);
              }} />
          )}
          {cancelling?.id === selected.id && (
            <CancelAppointment who={`${patientName(selected.patient_id)} at ${clockOf(selected.starts_at)}`}
              onConfirm={(reason, text) => change(selected, 'cancelled', { reason, reason_text: text })}
              onKeep={() => setCancelling(null)} />
          )}
          {declining?.id === selected.id && (
            <DeclineRequest who={`${patientName(selected.patient_id)}'s request`}
              onConfirm={(text) => change(selected, 'cancelled', { reason_text: text })} onKeep={() => setDeclining(null)} />
          )}
        </div>
      )}
      {therapists.map((t) => {
        const theirs = week.filter((a) => a.therapist_id === t.id);
        return (
          <section key={t.id} class="card therapist-week" aria-labelledby={`tw-${t.id}`} data-testid="therapist-week">
            <h3 id={`tw-${t.id}`}>
              {t.display_name} <span class="muted small">({theirs.length} this week)</span>
            </h3>
            <div class="week-grid">
              {days.map((d) => {
                const today = theirs.filter((a) => zoneDay(a.starts_at, zone) === localDay(d));
                const hours = workingDay(weeks[t.id], (d.getDay() + 6) % 7);
                const off = (away[t.id] ?? []).filter((o) =>
                  zoneDay(o.starts_at, zone) <= localDay(d) && localDay(d) <= zoneDay(new Date(Date.parse(o.ends_at) - 1), zone));
                const free = hours !== 'Not working' && off.length === 0;
                return (
                  <div key={localDay(d)} class={free ? 'week-day' : 'week-day unavailable'} data-testid="week-day">
                    <h4>{dayLabel(d)}</h4>
                    {hours && <p class="small hours" data-testid="working-hours">{hours}</p>}
                    {off.map((o) => (
                      <p key={o.id} class="small hours">Away {o.when}</p>
                    ))}
                    {today.length === 0 ? <p class="muted small">—</p> : <ul class="plain appts">{today.map(entry)}</ul>}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}

    </section>
  );
}
