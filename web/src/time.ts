// Times for the schedule: the server speaks UTC ("2026-11-23T09:30:00Z"),
// people read and type their own local day and clock.

export const utcTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

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
