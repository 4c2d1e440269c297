// Where things sit on the calendar: each column is one clinic day (for one
// therapist, or for all in a lane), appointments are placed by their start and
// length on the clinic's wall clock, overlapping ones share the column side by
// side, and the clinic's closed time is returned as greyed bands. Pure: no I/O.
import type { Appointment } from '../../api';
import { wallTime } from './zone';

export interface OpeningPeriod {
  weekday: string;
  opens: string;
  closes: string;
}

export interface Placed {
  appointment: Appointment;
  start: number; // minutes since local midnight
  end: number;
  lane: number; // 0-based, among `lanes` side by side
  lanes: number;
}

export interface Band {
  from: number;
  to: number;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// The appointments that start on `day` on the clinic's clock, in time order,
// with overlapping ones given lanes so none hides another.
export function placeDay(appointments: Appointment[], day: string, zone: string): Placed[] {
  const placed = appointments
    .map((a) => {
      const w = wallTime(new Date(a.starts_at), zone);
      return { a, w };
    })
    .filter(({ w }) => w.day === day)
    .map(({ a, w }) => ({ appointment: a, start: w.minute, end: Math.min(w.minute + a.minutes, 24 * 60), lane: 0, lanes: 1 }))
    .sort((x, y) => x.start - y.start || x.appointment.id - y.appointment.id);
  // Clusters of mutually overlapping appointments share their lane count.
  let cluster: Placed[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const p of placed) {
    if (p.start >= clusterEnd) close();
    const taken = new Set(cluster.filter((q) => q.end > p.start).map((q) => q.lane));
    while (taken.has(p.lane)) p.lane++;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.end);
  }
  close();
  return placed;
}

// The periods the clinic is closed on `day` within [first, last) minutes:
// everything outside its opening periods for that weekday, or the whole day
// when it is a closed day. No opening hours at all means no restriction.
export function closedBands(day: string, weekday: number, hours: OpeningPeriod[], closedDays: string[],
  first: number, last: number): Band[] {
  if (closedDays.includes(day)) return [{ from: first, to: last }];
  if (hours.length === 0) return [];
  const open = hours
    .filter((h) => h.weekday === WEEKDAYS[weekday])
    .map((h) => ({ from: minutesOf(h.opens), to: minutesOf(h.closes) }))
    .sort((x, y) => x.from - y.from);
  const bands: Band[] = [];
  let cursor = first;
  for (const o of open) {
    if (o.from > cursor) bands.push({ from: cursor, to: Math.min(o.from, last) });
    cursor = Math.max(cursor, o.to);
  }
  if (cursor < last) bands.push({ from: cursor, to: last });
  return bands.filter((b) => b.to > b.from);
}

// The hours the grid shows: the clinic's opening hours of the week, widened to
// any appointment outside them, in whole hours; 08:00–18:00 when nothing is set.
export function visibleHours(hours: OpeningPeriod[], placed: Placed[]): Band {
  const starts = [...hours.map((h) => minutesOf(h.opens)), ...placed.map((p) => p.start)];
  const ends = [...hours.map((h) => minutesOf(h.closes)), ...placed.map((p) => p.end)];
  const from = starts.length ? Math.min(...starts) : 8 * 60;
  const to = ends.length ? Math.max(...ends) : 18 * 60;
  return { from: Math.floor(from / 60) * 60, to: Math.max(Math.ceil(to / 60) * 60, Math.floor(from / 60) * 60 + 60) };
}
