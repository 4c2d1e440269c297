// Working hours, breaks and time off of a therapist (admin: any therapist;
// a therapist: their own): GET/PUT /api/v1/therapists/{id}/availability and
// GET/POST /api/v1/therapists/{id}/time-off (+ /withdraw). Times are on the
// clinic's clock; the server refuses bookings outside them. Below them, the
// therapist's private calendar feed (components/CalendarFeedCard.tsx). The
// three are read together and drawn in one go, so nothing moves as they arrive.
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError, get, post, request, type CalendarFeed, type Therapist, type TherapistAvailability, type TimeOff, type User,
  type WeekSpan,
} from '../api';
import { CalendarFeedCard } from '../components/CalendarFeedCard';
import { ErrorBox, Loading } from '../components/common';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface DayRow {
  works: boolean;
  starts: string;
  ends: string;
  breakStarts: string;
  breakEnds: string;
}

// One row per weekday from the stored week: its first working period, and
// its first break (the editor keeps one period and one break a day).
function rowsOf(a: TherapistAvailability): DayRow[] {
  return DAYS.map((day) => {
    const h = a.hours.filter((x) => x.weekday === day);
    const b = a.breaks.find((x) => x.weekday === day);
    return {
      works: h.length > 0,
      starts: h[0]?.starts ?? '09:00',
      ends: h.at(-1)?.ends ?? '17:00',
      breakStarts: b?.starts ?? '',
      breakEnds: b?.ends ?? '',
    };
  });
}

// A server refusal about hours[i] or breaks[i] said about the day it was.
function dayError(err: unknown, hoursDays: number[], breakDays: number[]) {
  if (!(err instanceof ApiError)) return err;
  const m = /^(hours|breaks)\[(\d+)\]/.exec(err.field);
  if (!m) return err;
  const day = (m[1] === 'hours' ? hoursDays : breakDays)[Number(m[2])];
  return new Error(`${DAY_NAMES[day] ?? 'A day'}: ${err.message}`);
}

function WeekEditor(props: { therapist: Therapist; initial: TherapistAvailability; onSaved: (s: string) => void }) {
  const t = props.therapist;
  const [stored, setStored] = useState(props.initial);
  const [rows, setRows] = useState<DayRow[]>(() => rowsOf(props.initial));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = (i: number, change: Partial<DayRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async (e: Event) => {
    e.preventDefault();
    const hours: WeekSpan[] = [], breaks: WeekSpan[] = [];
    const hoursDays: number[] = [], breakDays: number[] = [];
    rows.forEach((r, i) => {
      if (!r.works) return;
      hours.push({ weekday: DAYS[i], starts: r.starts, ends: r.ends });
      hoursDays.push(i);
      if (r.breakStarts || r.breakEnds) {
        breaks.push({ weekday: DAYS[i], starts: r.breakStarts, ends: r.breakEnds });
        breakDays.push(i);
      }
    });
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<TherapistAvailability>('PUT', `/api/v1/therapists/${t.id}/availability`,
        { hours, breaks, version: stored.version });
      setStored(data);
      setRows(rowsOf(data));
      props.onSaved(`The working hours of ${t.display_name} were saved.`);
    } catch (err) {
      setError(dayError(err, hoursDays, breakDays));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="wh-title" data-testid="working-hours-form">
      <h2 id="wh-title">Working hours of {t.display_name}</h2>
      <p class="muted small">
        Times are on the clinic's clock. {stored.set ? '' : 'No hours are set yet, so any time can be booked. '}
        Appointments can only be booked within working hours, outside breaks and time off.
      </p>
      {rows.map((r, i) => (
        <fieldset key={DAYS[i]} class="hours-day">
          <legend>{DAY_NAMES[i]}</legend>
          <label class="choice">
            <input type="checkbox" checked={r.works} onChange={(e) => set(i, { works: e.currentTarget.checked })} />
            Works on {DAY_NAMES[i]}
          </label>
          {r.works && (
            <>
              <div class="field">
                <label for={`wh-${i}-starts`}>Starts</label>
                <input id={`wh-${i}-starts`} type="time" step={300} value={r.starts}
                  onInput={(e) => set(i, { starts: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`wh-${i}-ends`}>Ends</label>
                <input id={`wh-${i}-ends`} type="time" step={300} value={r.ends}
                  onInput={(e) => set(i, { ends: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`wh-${i}-bs`}>Break from (optional)</label>
                <input id={`wh-${i}-bs`} type="time" step={300} value={r.breakStarts}
                  onInput={(e) => set(i, { breakStarts: e.currentTarget.value })} />
              </div>
              <div class="field">
                <label for={`wh-${i}-be`}>Break until</label>
                <input id={`wh-${i}-be`} type="time" step={300} value={r.breakEnds}
                  onInput={(e) => set(i, { breakEnds: e.currentTarget.value })} />
              </div>
            </>
          )}
        </fieldset>
      ))}
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save working hours'}</button>
      </div>
    </form>
  );
}

function TimeOffEditor(props: { therapist: Therapist; initial: TimeOff[]; onSaved: (s: string) => void }) {
  const t = props.therapist;
  const [list, setList] = useState<TimeOff[] | null>(props.initial);
  const [fromDay, setFromDay] = useState('');
  const [fromTime, setFromTime] = useState('00:00');
  const [toDay, setToDay] = useState('');
  const [toTime, setToTime] = useState('00:00');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const bad = error instanceof ApiError ? error.field : '';
  // Read again after each change; the first list came with the page.
  useEffect(() => {
    if (reload === 0) return;
    timeOffOf(t.id).then(setList).catch(setError);
  }, [reload]);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await post<TimeOff>(`/api/v1/therapists/${t.id}/time-off`, {
        starts: fromDay ? `${fromDay}T${fromTime}` : '', ends: toDay ? `${toDay}T${toTime}` : '', reason,
      });
      setReason('');
      props.onSaved(`Time off ${made.when} was added for ${t.display_name}.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };
  const withdraw = async (o: TimeOff) => {
    setError(null);
    try {
      await post<TimeOff>(`/api/v1/therapists/${t.id}/time-off/${o.id}/withdraw`, {});
      props.onSaved(`Time off ${o.when} was withdrawn; it is kept in the list.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };
  const now = new Date().toISOString();

  return (
    <section class="card" aria-labelledby="to-title" data-testid="time-off">
      <h2 id="to-title">Time off of {t.display_name}</h2>
      {!list ? <Loading what="time off" /> : list.length === 0 ? <p class="muted">No time off.</p> : (
        <ul class="plain">
          {list.map((o) => (
            <li key={o.id} class="request-row">
              <span>
                Away {o.when}{o.reason && `: ${o.reason}`}{o.withdrawn && <strong> (withdrawn)</strong>}
              </span>
              {!o.withdrawn && o.ends_at > now && (
                <button type="button" class="secondary small-button" onClick={() => withdraw(o)}>
                  Withdraw time off {o.when}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate aria-labelledby="to-add-title">
        <h3 id="to-add-title">Add time off</h3>
        <div class="grid-2">
          <div class="field">
            <label for="to-from-day">Away from (day)</label>
            <input id="to-from-day" type="date" value={fromDay} aria-invalid={bad === 'starts' || bad === 'starts_at'}
              onInput={(e) => setFromDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="to-from-time">Away from (time)</label>
            <input id="to-from-time" type="time" step={300} value={fromTime} onInput={(e) => setFromTime(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="to-to-day">Back on (day)</label>
            <input id="to-to-day" type="date" value={toDay} aria-invalid={bad === 'ends'}
              onInput={(e) => setToDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="to-to-time">Back at (time)</label>
            <input id="to-to-time" type="time" step={300} value={toTime} onInput={(e) => setToTime(e.currentTarget.value)} />
          </div>
          <div class="field span-2">
            <label for="to-reason">Reason (optional)</label>
            <input id="to-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
        </div>
        <ErrorBox error={error} />
        <div class="actions">
          <button type="submit">Add time off</button>
        </div>
      </form>
    </section>
  );
}

const timeOffOf = (id: number) => get<{ items: TimeOff[] }>(`/api/v1/therapists/${id}/time-off`).then((l) => l.items);

// A therapist's week, time off and calendar feed, read together and drawn
// once all three answered: drawn one by one, each card growing from its
// "Loading" pushed the ones below it down (Lighthouse measured a layout shift
// of 0.4 with a long time-off list).
function TherapistPanels(props: { therapist: Therapist; own: boolean; onSaved: (s: string) => void }) {
  const t = props.therapist;
  const [read, setRead] = useState<{ week: TherapistAvailability; timeOff: TimeOff[]; feed: CalendarFeed } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([
      get<TherapistAvailability>(`/api/v1/therapists/${t.id}/availability`),
      timeOffOf(t.id),
      get<CalendarFeed>(`/api/v1/therapists/${t.id}/calendar-feed`),
    ])
      .then(([week, timeOff, feed]) => setRead({ week, timeOff, feed }))
      .catch(setError);
  }, [t.id]);
  if (error) return <ErrorBox error={error} />;
  if (!read) return <Loading what="working hours" />;
  return (
    <>
      <WeekEditor therapist={t} initial={read.week} onSaved={props.onSaved} />
      <TimeOffEditor therapist={t} initial={read.timeOff} onSaved={props.onSaved} />
      <CalendarFeedCard therapist={t} initial={read.feed} own={props.own} />
    </>
  );
}

export function WorkingHoursPage(props: { user: User }) {
  const [therapists, setTherapists] = useState<Therapist[] | null>(null);
  const [chosen, setChosen] = useState(String(props.user.id));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<{ items: Therapist[] }>('/api/v1/therapists')
      .then((t) => {
        // An admin edits anyone's hours; a therapist only their own.
        const mine = t.items.filter((x) => x.active && (props.user.role === 'admin' || x.id === props.user.id));
        setTherapists(mine);
        if (!mine.some((x) => String(x.id) === chosen) && mine[0]) setChosen(String(mine[0].id));
      })
      .catch(setError);
  }, []);
  if (error) return <ErrorBox error={error} />;
  if (!therapists) return <Loading what="therapists" />;
  const therapist = therapists.find((x) => String(x.id) === chosen);
  return (
    <section aria-labelledby="hours-title">
      <h1 id="hours-title">Working hours and time off</h1>
      <p role="status" class="status-line">{status}</p>
      {therapists.length > 1 && (
        <div class="field">
          <label for="wh-therapist">Therapist</label>
          <select id="wh-therapist" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            {therapists.map((x) => <option key={x.id} value={String(x.id)}>{x.display_name}</option>)}
          </select>
        </div>
      )}
      {therapist && (
        <TherapistPanels key={therapist.id} therapist={therapist} own={therapist.id === props.user.id} onSaved={setStatus} />
      )}
    </section>
  );
}
