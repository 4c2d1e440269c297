// A time grid: hours of the clinic's wall clock down the side, one column per
// entry of `columns` (a therapist or a room on a day, or a day of one therapist), the
// clinic's closed time greyed, and each appointment a link to its patient,
// placed by time. Arrow keys move between appointments: up and down within a
// column, left and right to the nearest one in the next column with any.
import type { Appointment } from '../../api';
import { navigate } from '../../router';
import { closedBands, placeDay, visibleHours, type OpeningPeriod, type Placed } from './layout';
import { StatusWord } from './status';
import { hhmm } from './zone';
import './calendar.css';

export interface Column {
  key: string;
  title: string; // what the column header reads, e.g. "Anna Berg" or "Tue 8 Dec"
  day: string; // the clinic day the column shows
  weekday: number;
  appointments: Appointment[];
}

export interface ClinicTime {
  zone: string;
  openingHours: OpeningPeriod[];
  closedDays: string[];
}

const PX_PER_MINUTE = 1.6;

function moveFocus(e: KeyboardEvent) {
  const from = e.target as HTMLElement;
  if (!from.matches('a.cal-appt')) return;
  const grid = from.closest('.cal-grid');
  if (!grid) return;
  const columns = [...grid.querySelectorAll<HTMLElement>('.cal-column')];
  const column = from.closest('.cal-column') as HTMLElement;
  const col = columns.indexOf(column);
  const inColumn = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('a.cal-appt')];
  let target: HTMLElement | undefined;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const list = inColumn(column);
    target = list[list.indexOf(from) + (e.key === 'ArrowDown' ? 1 : -1)];
  } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    const step = e.key === 'ArrowRight' ? 1 : -1;
    const start = Number(from.dataset.start);
    for (let i = col + step; i >= 0 && i < columns.length && !target; i += step) {
      const list = inColumn(columns[i]);
      target = list.reduce<HTMLElement | undefined>((best, a) =>
        !best || Math.abs(Number(a.dataset.start) - start) < Math.abs(Number(best.dataset.start) - start) ? a : best, undefined);
    }
  } else {
    return;
  }
  e.preventDefault();
  target?.focus();
}

function Entry(props: { placed: Placed; first: number; aside?: (a: Appointment) => string }) {
  const { appointment: a, start, end, lane, lanes } = props.placed;
  const name = a.patient_name || 'Patient';
  const aside = props.aside?.(a) ?? '';
  const href = `/patients/${a.patient_id}`;
  return (
    <li class="cal-slot" style={{
      top: `${(start - props.first) * PX_PER_MINUTE}px`,
      height: `${Math.max(end - start, 20) * PX_PER_MINUTE - 2}px`,
      left: `${(lane / lanes) * 100}%`,
      width: `${100 / lanes}%`,
    }}>
      <a class={`cal-appt cal-appt-${a.status}`} href={href} data-appointment={a.id} data-start={start}
        onClick={(e) => { e.preventDefault(); navigate(href); }}>
        <span class="cal-time">{hhmm(start)}–{hhmm(end)}</span> <span class="cal-name">{name}</span>{' '}
        {aside && <span class="cal-aside">{aside}</span>}
        <StatusWord status={a.status} />
      </a>
    </li>
  );
}

// `aside`: a second line an appointment shows, e.g. its room in therapists'
// columns or its therapist in rooms' columns.
export function CalendarGrid(props: { columns: Column[]; time: ClinicTime; label: string; aside?: (a: Appointment) => string }) {
  const { columns, time } = props;
  const placed = columns.map((c) => placeDay(c.appointments, c.day, time.zone));
  const range = visibleHours(time.openingHours, placed.flat());
  const height = (range.to - range.from) * PX_PER_MINUTE;
  const hours: number[] = [];
  for (let m = range.from; m < range.to; m += 60) hours.push(m);
  const template = `4rem repeat(${columns.length}, minmax(9rem, 1fr))`;
  return (
    // Scrolls sideways inside itself when the columns outgrow a tablet.
    <div class="cal-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <div class="cal-grid" style={{ gridTemplateColumns: template }} onKeyDown={moveFocus}>
        <div class="cal-corner" />
        {columns.map((c) => <div key={`h-${c.key}`} class="cal-head">{c.title}</div>)}
        <div class="cal-hours" style={{ height: `${height}px` }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: `${(m - range.from) * PX_PER_MINUTE}px` }}>{hhmm(m)}</span>
          ))}
        </div>
        {columns.map((c, i) => {
          const closed = closedBands(c.day, c.weekday, time.openingHours, time.closedDays, range.from, range.to);
          return (
            <section key={c.key} class="cal-column" aria-label={c.title} style={{ height: `${height}px` }}>
              {closed.map((b) => (
                <div key={b.from} class="cal-closed" style={{ top: `${(b.from - range.from) * PX_PER_MINUTE}px`, height: `${(b.to - b.from) * PX_PER_MINUTE}px` }}>
                  Closed
                </div>
              ))}
              {placed[i].length === 0 ? (
                <p class="visually-hidden">No appointments.</p>
              ) : (
                <ul class="cal-list">
                  {placed[i].map((p) => <Entry key={p.appointment.id} placed={p} first={range.from} aside={props.aside} />)}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
