// The patient's appointments and requests on the clinic's clock: what is
// booked, what waits for the clinic, what was moved or declined (a move or a
// request for an appointment, with the clinic's reason), in plain words. "Cancel" (with a confirmation and a
// reason) and "Ask to move" are offered only for a booked appointment still
// outside the clinic's notice period; inside it, the patient is told to
// phone. What the clinic said or did is announced (aria-live) and scrolled
// into view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type Appointment, type ClinicHours, type MoveRequest } from '../api';
import { CancelAppointment, PATIENT_CANCEL_REASONS } from '../components/CancelAppointment';
import { ErrorBox } from '../components/common';
import { zoneClock, zoneDate } from '../time';
import { AskToMove } from './AskToMove';
import { inPatientWords, openingText } from './patientWords';

const STATUS_TEXT: Record<string, string> = {
  requested: 'requested, waiting for the clinic to confirm',
  booked: 'booked',
  arrived: 'you have arrived',
  done: 'attended',
  cancelled: 'cancelled',
  no_show: 'missed',
};

const MOVE_TEXT: Record<string, string> = {
  pending: 'waiting for the clinic to answer',
  accepted: 'the clinic moved your appointment',
  declined: 'the clinic could not move it',
};

export function PortalAppointments(props: {
  patientId: number;
  hours: ClinicHours;
  appointments: Appointment[];
  moves: MoveRequest[];
  onChanged: () => void;
}) {
  const zone = props.hours.time_zone;
  const when = (iso: string) => `${zoneDate(iso, zone)} at ${zoneClock(iso, zone)}`;
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const saidRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) saidRef.current?.scrollIntoView({ block: 'nearest' });
  }, [said]);

  const now = Date.now();
  const noticeMs = props.hours.notice_hours * 3600 * 1000;
  const upcoming = props.appointments.filter((a) => Date.parse(a.starts_at) >= now && a.status !== 'cancelled');
  const pendingMove = (a: Appointment) => props.moves.find((m) => m.appointment_id === a.id && m.status === 'pending');
  const changeable = (a: Appointment) => a.status === 'booked' && Date.parse(a.starts_at) - now >= noticeMs;
  // Answers the patient has not acted on: the newest first.
  const answered = props.moves.filter((m) => m.status !== 'pending').reverse();
  // Requests the clinic declined for a time still to come, with its words.
  const declined = props.appointments.filter((a) => a.declined_reason != null && Date.parse(a.starts_at) >= now);

  const cancel = (a: Appointment, reason: string, text: string) =>
    post(`/api/v1/patients/${props.patientId}/appointments/${a.id}/cancel`, { reason, reason_text: text })
      .then(() => {
        setCancelling(null);
        setSaid(`Your appointment on ${when(a.starts_at)} is cancelled.`);
        props.onChanged();
      })
      .catch((err) => setError(inPatientWords(err)));

  return (
    <section class="card" aria-labelledby="appointments-title" data-testid="portal-appointments">
      <h2 id="appointments-title">Your appointments</h2>
      <p role="status" aria-live="polite" class={said ? 'saved-box' : ''} ref={saidRef}>{said}</p>
      <ErrorBox error={error} />
      {upcoming.length === 0 ? (
        <p>No upcoming appointment.</p>
      ) : (
        <ul class="plain portal-appointments">
          {upcoming.map((a) => {
            const asked = pendingMove(a);
            return (
              <li key={a.id} data-appointment={a.id}>
                <time dateTime={a.starts_at}>{when(a.starts_at)}</time>, {a.minutes} minutes:{' '}
                <strong>{STATUS_TEXT[a.status] ?? a.status}</strong>
                {asked && <> You asked to move it to {when(asked.wanted_starts_at)}: {MOVE_TEXT.pending}.</>}
                {a.status === 'booked' && !changeable(a) && (
                  <p class="muted small">
                    It starts within {props.hours.notice_hours} hours, so it can no longer be changed online: please phone the
                    clinic.
                  </p>
                )}
                {changeable(a) && cancelling !== a.id && moving !== a.id && (
                  <span class="row-actions">
                    <button type="button" class="secondary small-button" onClick={() => { setError(null); setCancelling(a.id); }}>
                      Cancel this appointment
                    </button>
                    {!asked && (
                      <button type="button" class="secondary small-button" data-action="ask-to-move"
                        onClick={() => { setError(null); setMoving(a.id); }}>
                        Ask to move it
                      </button>
                    )}
                  </span>
                )}
                {cancelling === a.id && (
                  <CancelAppointment who={`your appointment on ${when(a.starts_at)}`} reasons={PATIENT_CANCEL_REASONS}
                    onKeep={() => setCancelling(null)} onConfirm={(reason, text) => cancel(a, reason, text)} />
                )}
                {moving === a.id && (
                  <AskToMove patientId={props.patientId} appointment={a} zone={zone} opening={openingText(props.hours)}
                    onKeep={() => setMoving(null)}
                    onAsked={(m) => {
                      setMoving(null);
                      setSaid(`Thank you: you asked to move your appointment to ${when(m.wanted_starts_at)}. The clinic will answer here.`);
                      props.onChanged();
                    }} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {declined.length > 0 && (
        <>
          <h3>Requests the clinic declined</h3>
          <ul class="plain" data-testid="declined-requests">
            {declined.map((a) => (
              <li key={a.id}>
                For {when(a.starts_at)}: <strong>declined</strong>. The clinic said: “{a.declined_reason}”
              </li>
            ))}
          </ul>
        </>
      )}
      {answered.length > 0 && (
        <>
          <h3>The clinic's answers to your requests to move</h3>
          <ul class="plain" data-testid="move-answers">
            {answered.map((m) => (
              <li key={m.id}>
                To {when(m.wanted_starts_at)}: <strong>{MOVE_TEXT[m.status] ?? m.status}</strong>
                {m.answer_text && <>. The clinic said: “{m.answer_text}”</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {/* A plain download (the session cookie goes with it): calendar apps open .ics files. */}
        <a href={`/api/v1/patients/${props.patientId}/appointments.ics`} download="appointments.ics">
          Add to my calendar (.ics)
        </a>
      </p>
    </section>
  );
}
