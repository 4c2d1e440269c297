// The patient asks to move a booked appointment to another day and time on
// the clinic's clock (POST .../appointments/{id}/move-request with
// starts_at_local); the front desk answers. The server refuses a time outside
// the opening hours, on a closed day or gone by, and any move within the
// clinic's notice period, each in plain words shown here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type Appointment, type MoveRequest } from '../api';
import { ErrorBox } from '../components/common';
import { zoneClock, zoneDate, zoneDay } from '../time';
import { inPatientWords } from './patientWords';

export function AskToMove(props: {
  patientId: number;
  appointment: Appointment;
  zone: string;
  opening: string; // The clinic's opening hours in words, or empty.
  onAsked: (asked: MoveRequest) => void;
  onKeep: () => void;
}) {
  const a = props.appointment;
  const [day, setDay] = useState(zoneDay(a.starts_at, props.zone));
  const [time, setTime] = useState(zoneClock(a.starts_at, props.zone));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // The form opens where the patient is looking, its heading focused.
  useEffect(() => {
    title.current?.focus();
    title.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!day || !time) {
      setError(new Error('Please choose the new day and time you would like.'));
      return;
    }
    setBusy(true);
    try {
      const asked = await post<MoveRequest>(
        `/api/v1/patients/${props.patientId}/appointments/${a.id}/move-request`,
        { starts_at_local: `${day}T${time}`, note },
      );
      props.onAsked(asked);
    } catch (err) {
      setError(inPatientWords(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card move-ask" aria-labelledby={`move-title-${a.id}`} onSubmit={submit} noValidate>
      <h3 id={`move-title-${a.id}`} tabIndex={-1} ref={title}>
        Move your appointment on {zoneDate(a.starts_at, props.zone)} at {zoneClock(a.starts_at, props.zone)}
      </h3>
      <p class="muted small">
        Choose the new day and time on the clinic's clock.{props.opening && ` The clinic is open ${props.opening}.`} The
        clinic will confirm the new time.
      </p>
      <div class="grid-2">
        <div class="field">
          <label for={`move-day-${a.id}`}>New day</label>
          <input id={`move-day-${a.id}`} type="date" value={day} required onInput={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`move-time-${a.id}`}>New time</label>
          <input id={`move-time-${a.id}`} type="time" value={time} required onInput={(e) => setTime(e.currentTarget.value)} />
        </div>
      </div>
      <label for={`move-note-${a.id}`}>Message for the clinic (optional)</label>
      <textarea id={`move-note-${a.id}`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>Ask to move</button>
        <button type="button" class="secondary" onClick={props.onKeep}>Keep my appointment</button>
      </div>
    </form>
  );
}
