// Wall-clock arithmetic in the clinic's time zone (an IANA name from
// GET /clinic/settings). The server stores UTC; the calendar asks "what local
// day and minute is this instant there" and "which instant is this local day's
// minute there", correct across daylight-saving changes, via Intl only.

export interface WallTime {
  day: string; // YYYY-MM-DD on the clinic's calendar
  minute: number; // minutes since local midnight
  weekday: number; // 0 = Monday … 6 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

// The clinic's wall clock at an instant.
export function wallTime(at: Date, zone: string): WallTime {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(at)) p[part.type] = part.value;
  const day = `${p.year}-${p.month}-${p.day}`;
  return { day, minute: Number(p.hour) * 60 + Number(p.minute), weekday: weekdayOf(day) };
}

// Monday-based weekday of a calendar day (no zone involved).
export function weekdayOf(day: string) {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

// The calendar day n days after `day`.
export function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const mondayOf = (day: string) => addDays(day, -weekdayOf(day));

// The instant when the clinic's clock shows `minute` on `day`. A minute the
// clocks skip (spring forward) lands just after the gap; an hour that repeats
// (fall back) gives its first instant.
export function instantOf(day: string, minute: number, zone: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  let guess = asUtc;
  // Two corrections settle every zone, including a change on this very day.
  for (let i = 0; i < 2; i++) {
    const seen = wallTime(new Date(guess), zone);
    const seenAsUtc = Date.parse(`${seen.day}T00:00:00Z`) + seen.minute * 60_000;
    guess += asUtc - seenAsUtc;
  }
  return new Date(guess);
}

// "09:30" for minutes since midnight.
export function hhmm(minute: number) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

// "Monday 7 December" for a calendar day, in the reader's language.
export function dayTitle(day: string, style: 'long' | 'short' = 'long') {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString([], {
    timeZone: 'UTC', weekday: style, day: 'numeric', month: style === 'long' ? 'long' : 'short',
  });
}
