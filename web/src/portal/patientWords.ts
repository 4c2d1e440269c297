// The server's refusal of a wanted time, in a patient's words. Its refusals
// at starts_at are already plain sentences (closed days, opening hours, the
// notice period, a time gone by); only the field name, which a patient should
// never read, is dropped. A time the clocks skip is said in words too.
import { ApiError, type ClinicHours } from '../api';

export function inPatientWords(err: unknown) {
  if (!(err instanceof ApiError)) return err;
  if (err.field === 'starts_at_local') {
    return new Error('The clocks change at that time on that day. Please choose another time.');
  }
  if (err.field === 'starts_at' || err.field === 'appointment_id' || err.field === 'status') {
    return new Error(err.message);
  }
  return err;
}

const DAY_NAME: Record<string, string> = {
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday',
  friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday',
};

// "Monday 09:00–17:00; Tuesday 09:00–12:00 and 13:00–17:00", or nothing
// when the clinic set no hours (any time may be asked for).
export function openingText(hours: ClinicHours | null) {
  if (!hours || hours.opening_hours.length === 0) return '';
  const days: string[] = [];
  for (const day of Object.keys(DAY_NAME)) {
    const spans = hours.opening_hours.filter((p) => p.weekday === day).map((p) => `${p.opens}–${p.closes}`);
    if (spans.length) days.push(`${DAY_NAME[day]} ${spans.join(' and ')}`);
  }
  return days.join('; ');
}
