// Times for the schedule: the server speaks UTC ("2026-11-23T09:30:00Z"),
// people read and type their own local day and clock.

export const utcTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

// "YYYY-MM-DD" of the local day.
export function localDay(d: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// A local day and time in the server's form; empty when they do not make a time.
export function utcOf(day: string, time: string) {
  const d = new Date(`${day}T${time}`);
  return Number.isNaN(d.getTime()) ? '' : utcTime(d);
}

// The clinic's time zone, for the days and times the record shows (shortDate,
// a draft's time): the app learns it once after sign-in (GET
// /api/v1/clinic/hours) and shows no page before; UTC until then.
let knownClinicZone = 'UTC';
export function setClinicZone(zone: string) {
  knownClinicZone = zone;
}
export const clinicZone = () => knownClinicZone;

// The clinic's wall clock: times are shown and typed in the clinic's time
// zone (GET /api/v1/clinic/settings), whatever the device's own zone, so a
// booking means the same hour to everyone, across daylight-saving changes.
function wallParts(at: string | Date, zone: string) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
}

// "09:30" on the clinic's clock.
export function zoneClock(at: string | Date, zone: string) {
  const p = wallParts(at, zone);
  return `${p.hour}:${p.minute}`;
}

// "YYYY-MM-DD" of the clinic's day (for comparing and for date inputs, not for reading).
export function zoneDay(at: string | Date, zone: string) {
  const p = wallParts(at, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

// "Mon 30 Mar 2026" on the clinic's calendar, for people to read (built from
// parts, so no browser adds its own commas). Without the weekday ("30 Mar
// 2026") for days whose weekday means nothing, such as a birth date.
export function zoneDate(at: string | Date, zone: string, withWeekday = true) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return withWeekday ? `${p.weekday} ${p.day} ${p.month} ${p.year}` : `${p.day} ${p.month} ${p.year}`;
}

// A "YYYY-MM-DD" calendar day read by people: "Mon 30 Mar 2026".
export function dayText(day: string, withWeekday = true) {
  return zoneDate(`${day}T12:00:00Z`, 'UTC', withWeekday);
}

// A birth date read by people: "6 May 1975"; text that is not a day is shown
// as it is, and a missing one says so.
export function bornText(day: string) {
  if (!day) return 'date not recorded';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? dayText(day, false) : day;
}

// A day and time on the clinic's clock ("2026-03-30", "09:00") as the
// server's UTC form, for the routes that take UTC only (the waiting list);
// empty when they do not make a time. The zone's offset is read at the guess
// and read again at the answer, so a day either side of a daylight-saving
// change lands on the offset in force at that wall time.
export function zoneUtc(day: string, time: string, zone: string) {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return '';
  const offsetAt = (ms: number) => {
    const p = wallParts(new Date(ms), zone);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - Math.floor(ms / 60000) * 60000;
  };
  let at = wall - offsetAt(wall);
  at = wall - offsetAt(at);
  return utcTime(new Date(at));
}

// A "YYYY-MM-DD" day `n` days later.
export function addDaysTo(day: string, n: number) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
