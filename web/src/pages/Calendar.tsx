// The clinic's calendar: a day with one column per therapist (or, when the
// clinic has rooms, per room), or a week of one therapist with one column per
// day (docs/scheduling.md says why), on the clinic's wall clock. One GET /appointments per view carries the patients'
// names; each appointment opens its patient. Booking and status changes stay
// on the Schedule page.
import { useEffect, useState } from 'preact/hooks';
import { get, type Appointment, type Room, type Therapist, type User } from '../api';
import { CalendarGrid, type Column } from '../components/calendar/CalendarGrid';
import { useClinicTime } from '../components/calendar/useClinicTime';
import { addDays, dayTitle, instantOf, mondayOf, wallTime, weekdayOf } from '../components/calendar/zone';
import { ErrorBox, Link, Loading } from '../components/common';
import { utcTime } from '../time';

type View = 'day' | 'week';
type By = 'therapist' | 'room';

export function CalendarPage(props: { user: User }) {
  const [error, setError] = useState<unknown>(null);
  const time = useClinicTime(setError);
  const [therapists, setTherapists] = useState<Therapist[] | null>(null);
  const [view, setView] = useState<View>('week');
  const [day, setDay] = useState<string | null>(null);
  const [therapistId, setTherapistId] = useState<number | null>(null);
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [by, setBy] = useState<By>('therapist');

  useEffect(() => {
    get<{ items: Therapist[] }>('/api/v1/therapists')
      .then((t) => {
        const active = t.items.filter((x) => x.active);
        setTherapists(active);
        // A therapist sees their own week first; others the first therapist's.
        const own = active.find((x) => x.id === props.user.id);
        setTherapistId((own ?? active[0])?.id ?? null);
      })
      .catch(setError);
    get<{ items: Room[] }>('/api/v1/rooms').then((r) => setRooms(r.items)).catch(setError);
  }, []);

  const today = time ? wallTime(new Date(), time.zone).day : null;
  const shown = day ?? today;
  const first = shown && (view === 'week' ? mondayOf(shown) : shown);
  const days = view === 'week' ? 7 : 1;

  useEffect(() => {
    if (!time || !first || (view === 'week' && therapistId === null)) return;
    const from = utcTime(instantOf(first, 0, time.zone));
    const to = utcTime(instantOf(addDays(first, days), 0, time.zone));
    const who = view === 'week' ? `&therapist_id=${therapistId}` : '';
    setItems(null);
    get<{ items: Appointment[] }>(`/api/v1/appointments?from=${from}&to=${to}${who}`)
      .then((a) => setItems(a.items))
      .catch(setError);
  }, [time, first, view, therapistId]);

  if (!time || !therapists || !shown || !first) return error ? <ErrorBox error={error} /> : <Loading what="the calendar" />;

  const unit = view === 'week' ? 'week' : 'day';
  const move = (n: number) => setDay(addDays(first, n * days));
  const therapist = therapists.find((t) => t.id === therapistId);
  // The switch shows while any room is in use, or a day's appointment holds one.
  const hasRooms = rooms.some((r) => r.active) || (items ?? []).some((a) => a.room_id != null);
  const byRoom = view === 'day' && by === 'room' && hasRooms;
  const therapistName = (id: number) => therapists.find((t) => t.id === id)?.display_name ?? 'Another therapist';
  // A retired room still shows when it holds an appointment of the day; the
  // appointments in no room get a column of their own.
  const roomColumns = (list: Appointment[]): Column[] => [
    ...rooms.filter((r) => r.active || list.some((a) => a.room_id === r.id)).map((r) => ({
      key: `room-${r.id}`, title: r.active ? r.name : `${r.name} (retired)`, day: first, weekday: weekdayOf(first),
      appointments: list.filter((a) => a.room_id === r.id),
    })),
    ...(list.some((a) => a.room_id == null)
      ? [{ key: 'room-none', title: 'No room', day: first, weekday: weekdayOf(first), appointments: list.filter((a) => a.room_id == null) }]
      : []),
  ];
  const columns: Column[] = !items ? [] : byRoom ? roomColumns(items) : view === 'day'
    ? therapists.map((t) => ({
      key: String(t.id), title: t.display_name, day: first, weekday: weekdayOf(first),
      appointments: items.filter((a) => a.therapist_id === t.id),
    }))
    : [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const d = addDays(first, i);
      return { key: d, title: dayTitle(d, 'short'), day: d, weekday: weekdayOf(d), appointments: items };
    });
  const heading = view === 'day' ? dayTitle(first) : `Week of ${dayTitle(first)}`;
  const aside = byRoom ? (a: Appointment) => therapistName(a.therapist_id) : (a: Appointment) => a.room_name ?? '';
  const label = byRoom ? `${dayTitle(first)}, all rooms` : view === 'day' ? `${dayTitle(first)}, all therapists` : `Week of ${dayTitle(first)}, ${therapist?.display_name ?? ''}`;

  return (
    <section aria-labelledby="calendar-title">
      <div class="page-head">
        <h1 id="calendar-title">Calendar</h1>
        <div class="actions">
          <Link href="/my-day" class="button secondary">My day</Link>
          <Link href="/schedule" class="button secondary">Book or change appointments</Link>
        </div>
      </div>
      <div class="cal-toolbar">
        <div role="group" aria-label="View" class="actions">
          <button type="button" class="secondary" aria-pressed={view === 'day'} onClick={() => setView('day')}>Day</button>
          <button type="button" class="secondary" aria-pressed={view === 'week'} onClick={() => setView('week')}>Week</button>
        </div>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => move(-1)}>Previous {unit}</button>
          <button type="button" class="secondary" onClick={() => setDay(today)}>Today</button>
          <button type="button" class="secondary" onClick={() => move(1)}>Next {unit}</button>
        </div>
        {view === 'day' && hasRooms && (
          <div role="group" aria-label="Columns" class="actions">
            <button type="button" class="secondary" aria-pressed={by === 'therapist'} onClick={() => setBy('therapist')}>By therapist</button>
            <button type="button" class="secondary" aria-pressed={by === 'room'} onClick={() => setBy('room')}>By room</button>
          </div>
        )}
        {view === 'week' && (
          <span class="cal-picker">
            <label for="calendar-therapist">Therapist</label>
            <select id="calendar-therapist" value={therapistId ?? ''}
              onChange={(e) => setTherapistId(Number((e.target as HTMLSelectElement).value))}>
              {therapists.map((t) => <option key={t.id} value={t.id}>{t.display_name}</option>)}
            </select>
          </span>
        )}
      </div>
      <h2 id="calendar-range" aria-live="polite">{heading}</h2>
      <p class="muted">Times are the clinic's ({time.zone.replace(/_/g, ' ')}). Arrow keys move between appointments.</p>
      <ErrorBox error={error} />
      {therapists.length === 0 ? (
        <p>No therapists yet: an administrator adds them under Admin.</p>
      ) : !items ? (
        <Loading what="the appointments" />
      ) : (
        <CalendarGrid columns={columns} time={time} label={label} aside={aside} />
      )}
    </section>
  );
}
