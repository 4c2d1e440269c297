// The clinic's time-keeping (GET /clinic/settings) in the calendar's form.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import type { ClinicTime } from './CalendarGrid';
import type { OpeningPeriod } from './layout';

interface Settings {
  time_zone: string;
  opening_hours: OpeningPeriod[];
  closed_days: string[];
}

export function useClinicTime(onError: (e: unknown) => void): ClinicTime | null {
  const [time, setTime] = useState<ClinicTime | null>(null);
  useEffect(() => {
    get<Settings>('/api/v1/clinic/settings')
      .then((s) => setTime({ zone: s.time_zone, openingHours: s.opening_hours, closedDays: s.closed_days }))
      .catch(onError);
  }, []);
  return time;
}
