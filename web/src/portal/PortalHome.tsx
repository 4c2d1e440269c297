// Portal home: the course so far (sessions done and left), appointments, a
// request for a new one (the front desk confirms it), and the next steps.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, type Appointment, type ChartAnswer, type Patient } from '../api';
import { ErrorBox, Link, Loading } from '../components/common';
import { CancelAppointment, PATIENT_CANCEL_REASONS } from '../components/CancelAppointment';

const STATUS_TEXT: Record<string, string> = {
  requested: 'requested, waiting for the clinic to confirm',
  booked: 'booked',
  attended: 'attended',
  cancelled: 'cancelled',
  no_show: 'missed',
};

function when(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

// The server's refusal of a requested time, in the patient's words: its own
// names the field and the time format, which a patient should never read.
function inPatientWords(err: unknown) {
  if (!(err instanceof ApiError) || err.status !== 422) return err;
  if (err.field === 'starts_at') return new Error('Please choose a day and time that is still to come.');
  if (err.field === 'starts_at_local') {
    return new Error('The clocks change at that time on that day. Please choose another time.');
  }
  return err;
}

function RequestForm(props: { patientId: number; onRequested: () => void }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('45');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (!date || !time) {
      setError(new Error('Please choose the day and time you would like.'));
      return;
    }
    setBusy(true);
    try {
      // The day and time are on the clinic's clock, whatever this device's
      // zone: the server reads them in the clinic's zone.
      await post(`/api/v1/patients/${props.patientId}/appointment-requests`, {
        starts_at_local: `${date}T${time}`,
        minutes: Number(minutes),
        note,
      });
      setDone(true);
      setNote('');
      props.onRequested();
    } catch (err) {
      setError(inPatientWords(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card no-print" onSubmit={submit} aria-labelledby="request-title" noValidate>
      <h2 id="request-title">Ask for an appointment</h2>
      <p class="muted small">Choose the day and time on the clinic's clock.</p>
      <div class="grid-3">
        <div class="field">
          <label for="req-date">Day</label>
          <input id="req-date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} required />
        </div>
        <div class="field">
          <label for="req-time">Time</label>
          <input id="req-time" type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} required />
        </div>
        <div class="field">
          <label for="req-minutes">Length</label>
          <select id="req-minutes" value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)}>
            <option value="30">30 minutes</option>
            <option value="45">45 minutes</option>
            <option value="60">60 minutes</option>
          </select>
        </div>
      </div>
      <label for="req-note">Message for the clinic (optional)</label>
      <textarea id="req-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <ErrorBox error={error} />
      {done && (
        <p role="status" class="saved-box">
          Your request was sent. The clinic will confirm it.
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Send request
        </button>
      </div>
    </form>
  );
}

export function PortalHome(props: { patientId: number }) {
  const id = props.patientId;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [chart, setChart] = useState<ChartAnswer | null>(null);
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The appointment the patient is cancelling, and why the clinic refused it.
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);

  const loadAppointments = () =>
    get<{ items: Appointment[] }>(`/api/v1/patients/${id}/appointments`)
      .then((a) => setAppointments([...a.items].sort((x, y) => x.starts_at.localeCompare(y.starts_at))))
      .catch(setError);

  useEffect(() => {
    Promise.all([get<Patient>(`/api/v1/patients/${id}`), get<ChartAnswer>(`/api/v1/patients/${id}/chart`)])
      .then(([p, c]) => {
        setPatient(p);
        setChart(c);
      })
      .catch(setError);
    loadAppointments();
  }, [id]);

  if (error) return <ErrorBox error={error} />;
  if (!patient || !chart) return <Loading what="your page" />;
  const course = chart.current_plan;
  const now = new Date().toISOString();
  const upcoming = (appointments ?? []).filter((a) => a.starts_at >= now.slice(0, 19) && a.status !== 'cancelled');

  return (
    <section aria-labelledby="portal-title">
      <h1 id="portal-title">Hello, {patient.given_name}</h1>
      <div class="today-grid">
        <section class="card" aria-labelledby="course-title">
          <h2 id="course-title">Your course</h2>
          <p data-testid="portal-course">
            {course
              ? `${course.sessions_done} of ${course.sessions_planned} sessions done, ${course.sessions_left} to go.`
              : 'Your therapist has not approved a plan yet.'}
          </p>
          <p>
            <Link href="/portal/home-programme">Read your home programme</Link>
          </p>
        </section>
        <section class="card" aria-labelledby="next-title">
          <h2 id="next-title">Before your next session</h2>
          <p>Tell your therapist how you are doing: it takes about five minutes.</p>
          <p>
            <Link href="/portal/questionnaires" class="button">
              Answer the questionnaires
            </Link>
          </p>
          <p>
            <Link href="/portal/progress">See my progress</Link>
          </p>
        </section>
        <section class="card" aria-labelledby="appointments-title">
          <h2 id="appointments-title">Your appointments</h2>
          {appointments === null ? (
            <Loading what="your appointments" />
          ) : upcoming.length === 0 ? (
            <p>No upcoming appointment.</p>
          ) : (
            <ul class="plain">
              {upcoming.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.starts_at}>{when(a.starts_at)}</time>, {a.minutes} minutes: {STATUS_TEXT[a.status] ?? a.status}
                  {cancelling !== a.id && (
                    <button type="button" class="secondary" onClick={() => { setCancelError(null); setCancelling(a.id); }}>
                      Cancel this appointment
                    </button>
                  )}
                  {cancelling === a.id && (
                    <>
                      {cancelError ? <ErrorBox error={cancelError} /> : null}
                      <CancelAppointment who={`your appointment on ${when(a.starts_at)}`} reasons={PATIENT_CANCEL_REASONS}
                        onKeep={() => setCancelling(null)}
                        onConfirm={(reason, text) =>
                          post(`/api/v1/patients/${id}/appointments/${a.id}/cancel`, { reason, reason_text: text })
                            .then(() => { setCancelling(null); loadAppointments(); })
                            .catch(setCancelError)} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            {/* A plain download (the session cookie goes with it): calendar apps open .ics files. */}
            <a href={`/api/v1/patients/${id}/appointments.ics`} download="appointments.ics">
              Add to my calendar (.ics)
            </a>
          </p>
        </section>
      </div>
      <RequestForm patientId={id} onRequested={loadAppointments} />
    </section>
  );
}
