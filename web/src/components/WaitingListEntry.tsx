// Puts a patient on the waiting list from their page (POST /api/v1/waiting-list)
// and lists their entries still waiting or offered: therapist (or any), the
// earliest and latest day and time on the clinic's clock (sent as UTC, as
// the route takes), and the length wanted. Nothing is added until the server
// accepts it; a refusal names the field in plain words.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, type Therapist } from '../api';
import { clinicZone, zoneClock, zoneDate, zoneDay, zoneUtc } from '../time';
import { ErrorBox } from './common';
import { LENGTHS } from './BookingForm';

interface Entry {
  id: number;
  patient_id: number;
  earliest: string;
  latest: string;
  minutes: number;
  status: string;
  therapist_name?: string;
}

const STATUS_TEXT: Record<string, string> = { waiting: 'waiting', offered: 'a freed slot is offered' };

export function WaitingListEntry(props: { patientId: number; patientName: string }) {
  const zone = clinicZone(); // Learnt after sign-in (time.ts).
  const [therapists, setTherapists] = useState<Therapist[]>([]);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [therapistId, setTherapistId] = useState('');
  const [fromDay, setFromDay] = useState(() => zoneDay(new Date(), zone));
  const [fromTime, setFromTime] = useState('09:00');
  const [untilDay, setUntilDay] = useState(() => zoneDay(new Date(), zone));
  const [untilTime, setUntilTime] = useState('18:00');
  const [minutes, setMinutes] = useState('60');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const bad = error instanceof ApiError ? error.field : '';

  useEffect(() => {
    get<{ items: Therapist[] }>('/api/v1/therapists')
      .then((t) => setTherapists(t.items))
      .catch(setError);
  }, []);
  useEffect(() => {
    get<{ items: Entry[] }>('/api/v1/waiting-list')
      .then((l) => setEntries(l.items.filter((e) => e.patient_id === props.patientId && STATUS_TEXT[e.status])))
      .catch(setError);
  }, [props.patientId, reload]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await post('/api/v1/waiting-list', {
        patient_id: props.patientId,
        therapist_id: therapistId ? Number(therapistId) : null,
        earliest: zoneUtc(fromDay, fromTime, zone),
        latest: zoneUtc(untilDay, untilTime, zone),
        minutes: Number(minutes),
      });
      setStatus(`${props.patientName} is on the waiting list.`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const when = (iso: string) => `${zoneDate(iso, zone)} ${zoneClock(iso, zone)}`;
  return (
    <section class="card" aria-labelledby="waiting-title" data-testid="waiting-list-entry">
      <h2 id="waiting-title">Waiting list</h2>
      {/* A line held while loading, so the form below does not move when the answer comes. */}
      {!entries ? (
        <p class="muted">Reading the waiting list…</p>
      ) : entries.length === 0 ? (
        <p>Not on the waiting list.</p>
      ) : (
        <ul class="plain" data-testid="waiting-entries">
          {entries.map((e) => (
            <li key={e.id}>
              From {when(e.earliest)} until {when(e.latest)}, {e.minutes} min with {e.therapist_name ?? 'any therapist'}:{' '}
              {STATUS_TEXT[e.status]}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-label={`Add ${props.patientName} to the waiting list`}>
        <p class="muted small">Days and times are on the clinic's clock. The first freed slot that suits is offered.</p>
        <div class="grid-2">
          <div class="field">
            <label for="wl-therapist">Therapist</label>
            <select id="wl-therapist" value={therapistId} aria-invalid={bad === 'therapist_id'}
              onChange={(e) => setTherapistId(e.currentTarget.value)}>
              <option value="">any therapist</option>
              {therapists.map((t) => (
                <option key={t.id} value={String(t.id)}>{t.display_name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="wl-minutes">Length</label>
            <select id="wl-minutes" value={minutes} aria-invalid={bad === 'minutes'}
              onChange={(e) => setMinutes(e.currentTarget.value)}>
              {LENGTHS.map((m) => (
                <option key={m} value={String(m)}>{m} minutes</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="wl-from-day">Can come from (day)</label>
            <input id="wl-from-day" type="date" value={fromDay} aria-invalid={bad === 'earliest'}
              onInput={(e) => setFromDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="wl-from-time">Can come from (time)</label>
            <input id="wl-from-time" type="time" value={fromTime} aria-invalid={bad === 'earliest'}
              onInput={(e) => setFromTime(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="wl-until-day">Must finish by (day)</label>
            <input id="wl-until-day" type="date" value={untilDay} aria-invalid={bad === 'latest'}
              onInput={(e) => setUntilDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="wl-until-time">Must finish by (time)</label>
            <input id="wl-until-time" type="time" value={untilTime} aria-invalid={bad === 'latest'}
              onInput={(e) => setUntilTime(e.currentTarget.value)} />
          </div>
        </div>
        <ErrorBox error={error} />
        <p role="status" class="status-line">{status}</p>
        <button type="submit" disabled={busy}>Add to the waiting list</button>
      </form>
    </section>
  );
}
