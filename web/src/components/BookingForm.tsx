// Books an appointment (POST /api/v1/appointments): patient, therapist, room
// (when the clinic has rooms), day, time and length, the day and time on the clinic's clock (sent as
// starts_at_local; the server turns it into UTC in the clinic's zone). For a
// patient with an approved plan it shows the plan's
// sessions per week and the next date that keeps to it, and links the
// appointment to the plan.
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError, get, post, type Appointment, type Course, type PlanRecord, type Room, type Therapist,
} from '../api';
import { addDaysTo, dayText, zoneDay } from '../time';
import { usePatientSearch } from './patientSearch';
import { PatientOptions } from './PatientOptions';
import { ErrorBox } from './common';
import { RoomSelect } from './RoomSelect';

export const LENGTHS = [30, 45, 60, 75, 90];


interface PlanMatch {
  plan: PlanRecord;
  perWeek: number;
  count: number;
  booked: number;
  next: string; // local day
}

// The plan's rhythm: sessions spread evenly over the week, counted from the
// latest appointment that is booked or done, never earlier than today (days
// on the clinic's calendar).
function matchPlan(plan: PlanRecord, appointments: Appointment[], today: string, zone: string): PlanMatch | null {
  const sessions = plan.plan?.sessions;
  if (!sessions || sessions.per_week <= 0) return null;
  const kept = appointments.filter((a) => a.status === 'booked' || a.status === 'done');
  const gapDays = Math.max(1, Math.round(7 / sessions.per_week));
  let next = today;
  if (kept.length) {
    const due = addDaysTo(zoneDay(kept.map((a) => a.starts_at).sort().at(-1)!, zone), gapDays);
    if (due > next) next = due;
  }
  return { plan, perWeek: sessions.per_week, count: sessions.count, booked: kept.length, next };
}

export function BookingForm(props: {
  therapists: Therapist[];
  rooms: Room[]; // The clinic's rooms; none: the form asks for no room.
  canReadPlans: boolean;
  zone: string; // The clinic's time zone.
  // The booked appointment and the patient's name as chosen on the form.
  onBooked: (a: Appointment, patientName: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [patientId, setPatientId] = useState('');
  const [therapistId, setTherapistId] = useState(String(props.therapists[0]?.id ?? ''));
  const [day, setDay] = useState(zoneDay(new Date(), props.zone));
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState('60');
  const [note, setNote] = useState('');
  const [roomId, setRoomId] = useState('');
  const [match, setMatch] = useState<PlanMatch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bad = error instanceof ApiError ? error.field : '';

  // A patient the new search no longer shows is no longer chosen.
  const shown = usePatientSearch(search, {
    shown: (items) => setPatientId((id) => (items.some((x) => String(x.id) === id) ? id : '')),
    error: setError,
  });

  // The patient's own defaults, set before the plan's rhythm shows (so
  // nothing chosen after it is overwritten): their usual therapist and the
  // plan's session length (GET .../course, open to the front desk too).
  useEffect(() => {
    setMatch(null);
    if (!patientId) return;
    let live = true;
    const course = get<Course>(`/api/v1/patients/${patientId}/course`).catch(() => null);
    const plans = props.canReadPlans
      ? Promise.all([
          get<{ items: PlanRecord[] }>(`/api/v1/patients/${patientId}/plans`),
          get<{ items: Appointment[] }>(`/api/v1/patients/${patientId}/appointments`),
        ])
      : Promise.resolve(null);
    Promise.all([course, plans])
      .then(([c, found]) => {
        if (!live) return;
        if (c && c.plan_id !== null) {
          const usual = c.usual_therapist_id;
          if (usual && props.therapists.some((t) => t.id === usual)) setTherapistId(String(usual));
          if (c.rhythm) setMinutes(String(c.rhythm.minutes));
        }
        if (!found) return;
        const [planList, appts] = found;
        const approved = planList.items.filter((p) => p.status === 'approved').sort((a, b) => b.version_no - a.version_no)[0];
        if (!approved) return;
        const m = matchPlan(approved, appts.items, zoneDay(new Date(), props.zone), props.zone);
        setMatch(m);
        if (m) setDay(m.next);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [patientId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const booked = await post<Appointment>('/api/v1/appointments', {
        patient_id: patientId ? Number(patientId) : null,
        therapist_id: therapistId ? Number(therapistId) : null,
        starts_at_local: day && time ? `${day}T${time}` : '',
        minutes: Number(minutes),
        status: 'booked',
        plan_id: match?.plan.id ?? null,
        room_id: roomId ? Number(roomId) : null,
        note,
      });
      setNote('');
      const chosen = shown.find((p) => p.id === booked.patient_id);
      props.onBooked(booked, chosen ? `${chosen.given_name} ${chosen.family_name}` : 'the patient');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card booking" onSubmit={submit} noValidate aria-labelledby="book-title">
      <h2 id="book-title">Book an appointment</h2>
      <div class="grid-2">
        <div class="field">
          <label for="bk-search">Find patient by name</label>
          <input id="bk-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="bk-patient">Patient</label>
          <select id="bk-patient" value={patientId} aria-invalid={bad === 'patient_id'}
            onChange={(e) => setPatientId(e.currentTarget.value)}>
            <PatientOptions shown={shown} />
          </select>
        </div>
      </div>
      {match && (
        <p class="plan-match" data-testid="plan-match">
          Approved plan: {match.perWeek} session{match.perWeek === 1 ? '' : 's'} a week, {match.count} in all
          ({match.booked} booked or done). Next suggested date: <strong>{dayText(match.next)}</strong>.
        </p>
      )}
      <div class="grid-3">
        <div class="field">
          <label for="bk-therapist">Therapist</label>
          <select id="bk-therapist" value={therapistId} aria-invalid={bad === 'therapist_id'}
            onChange={(e) => setTherapistId(e.currentTarget.value)}>
            {props.therapists.map((t) => (
              <option key={t.id} value={String(t.id)}>{t.display_name}</option>
            ))}
          </select>
        </div>
        {props.rooms.some((r) => r.active) && (
          <div class="field">
            <RoomSelect id="bk-room" rooms={props.rooms} value={roomId} invalid={bad === 'room_id'} onChange={setRoomId} />
          </div>
        )}
        <div class="field">
          <label for="bk-day">Day</label>
          <input id="bk-day" type="date" value={day} aria-invalid={bad === 'starts_at' || bad === 'starts_at_local'}
            onInput={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="bk-time">Time</label>
          <input id="bk-time" type="time" step={300} value={time} aria-invalid={bad === 'starts_at' || bad === 'starts_at_local'}
            onInput={(e) => setTime(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="bk-minutes">Length</label>
          <select id="bk-minutes" value={minutes} aria-invalid={bad === 'minutes'}
            onChange={(e) => setMinutes(e.currentTarget.value)}>
            {[...new Set([...LENGTHS, Number(minutes)])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={String(m)}>{m} minutes</option>
            ))}
          </select>
        </div>
        <div class="field span-2">
          <label for="bk-note">Note (optional)</label>
          <input id="bk-note" value={note} aria-invalid={bad === 'note'} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
      </div>
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Booking…' : 'Book appointment'}</button>
      </div>
    </form>
  );
}
