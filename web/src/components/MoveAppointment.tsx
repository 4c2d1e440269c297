// Moves an appointment to another day, time, therapist or room
// on the clinic's clock (POST /api/v1/appointments/{id}/reschedule with
// If-Match, `starts_at_local`), asking why; the
// server keeps the old time and refuses a taken slot by name, shown here.
import { useState } from 'preact/hooks';
import { request, type Appointment, type Room, type Therapist } from '../api';
import { zoneClock, zoneDay } from '../time';
import { CANCEL_REASONS } from './CancelAppointment';
import { ErrorBox } from './common';
import { RoomSelect } from './RoomSelect';

export function MoveAppointment(props: {
  appointment: Appointment;
  therapists: Therapist[];
  rooms: Room[]; // The clinic's rooms; none: the dialog asks for no room.
  zone: string; // The clinic's time zone: the day and time are typed on its clock.
  onMoved: (moved: Appointment) => void;
  onKeep: () => void;
}) {
  const a = props.appointment;
  const [day, setDay] = useState(zoneDay(a.starts_at, props.zone));
  const [time, setTime] = useState(zoneClock(a.starts_at, props.zone));
  const [therapist, setTherapist] = useState(String(a.therapist_id));
  const [room, setRoom] = useState(a.room_id == null ? '' : String(a.room_id));
  const [reason, setReason] = useState('patient_request');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const { data } = await request<Appointment>('POST', `/api/v1/appointments/${a.id}/reschedule`,
        { starts_at_local: `${day}T${time}`, therapist_id: Number(therapist), room_id: room ? Number(room) : null, reason }, { 'If-Match': `"${a.version}"` });
      props.onMoved(data);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" aria-labelledby="move-title" onSubmit={submit}>
      <h3 id="move-title">Move this appointment</h3>
      {error ? <ErrorBox error={error} /> : null}
      <label for="mv-day">New day</label>
      <input id="mv-day" type="date" value={day} required onInput={(e) => setDay(e.currentTarget.value)} />
      <label for="mv-time">New time</label>
      <input id="mv-time" type="time" value={time} required onInput={(e) => setTime(e.currentTarget.value)} />
      <label for="mv-therapist">Therapist</label>
      <select id="mv-therapist" value={therapist} onChange={(e) => setTherapist(e.currentTarget.value)}>
        {props.therapists.map((t) => <option key={t.id} value={String(t.id)}>{t.display_name}</option>)}
      </select>
      {(props.rooms.some((r) => r.active) || a.room_id != null) && (
        <RoomSelect id="mv-room" rooms={props.rooms} value={room} invalid={false} onChange={setRoom} />
      )}
      <label for="mv-reason">Why is it moved?</label>
      <select id="mv-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
        {CANCEL_REASONS.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </select>
      <div class="actions">
        <button type="submit">Move appointment</button>
        <button type="button" class="secondary" onClick={props.onKeep}>Keep the time</button>
      </div>
    </form>
  );
}
