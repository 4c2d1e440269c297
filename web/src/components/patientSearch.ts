// The clinic's patients matching a name search (GET /api/v1/patients, the
// first 50 by name), asked of the server after a short pause while typing.
// Shared by the forms that choose a patient (booking, the waiting list).
import { useEffect, useState } from 'preact/hooks';
import { get, type Page, type Patient } from '../api';

export function usePatientSearch(
  search: string,
  on: { shown?: (items: Patient[]) => void; error: (e: unknown) => void },
) {
  const [shown, setShown] = useState<Patient[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ limit: '50' });
      if (search.trim()) q.set('search', search.trim());
      get<Page<Patient>>(`/api/v1/patients?${q}`)
        .then((p) => {
          if (!live) return;
          setShown(p.items);
          on.shown?.(p.items);
        })
        .catch((e) => live && on.error(e));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);
  return shown;
}
