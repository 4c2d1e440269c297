// Portal home: the course so far (sessions done and left), appointments and
// requests on the clinic's clock (GET /api/v1/clinic/hours gives its zone,
// opening hours and notice period), a request for a new one (the front desk
// confirms it), and the next steps.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post, type Appointment, type ChartAnswer, type ClinicHours, type MoveRequest, type Patient } from '../api';
import { ErrorBox, Link, Loading } from '../components/common';
import { CourseSummary } from '../components/CourseSummary';
import { PortalAppointments } from './PortalAppointments';
import { inPatientWords, openingText } from './patientWords';

function RequestForm(props: { patientId: number; opening: string; onRequested: () => void }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('45');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) thanks.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

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
      <p class="muted small">
        Choose the day and time on the clinic's clock.{props.opening && ` The clinic is open ${props.opening}.`}
      </p>
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
      <p role="status" aria-live="polite" class={done ? 'saved-box' : ''} ref={thanks}>
        {done ? 'Thank you: your request was sent. The clinic will confirm it.' : ''}
      </p>
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
  const [hours, setHours] = useState<ClinicHours | null>(null);
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [moves, setMoves] = useState<MoveRequest[]>([]);
  const [error, setError] = useState<unknown>(null);

  const loadAppointments = () =>
    Promise.all([
      get<{ items: Appointment[] }>(`/api/v1/patients/${id}/appointments`),
      get<{ items: MoveRequest[] }>(`/api/v1/patients/${id}/move-requests`),
    ])
      .then(([a, m]) => {
        setAppointments([...a.items].sort((x, y) => x.starts_at.localeCompare(y.starts_at)));
        setMoves(m.items);
      })
      .catch(setError);

  useEffect(() => {
    Promise.all([
      get<Patient>(`/api/v1/patients/${id}`),
      get<ChartAnswer>(`/api/v1/patients/${id}/chart`),
      get<ClinicHours>('/api/v1/clinic/hours'),
    ])
      .then(([p, c, h]) => {
        setPatient(p);
        setChart(c);
        setHours(h);
      })
      .catch(setError);
    loadAppointments();
  }, [id]);

  if (error) return <ErrorBox error={error} />;
  if (!patient || !chart || !hours) return <Loading what="your page" />;
  const course = chart.current_plan;

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
          <CourseSummary patientId={id} you />
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
      </div>
      {appointments === null ? (
        <Loading what="your appointments" />
      ) : (
        <PortalAppointments patientId={id} hours={hours} appointments={appointments} moves={moves}
          onChanged={loadAppointments} />
      )}
      <RequestForm patientId={id} opening={openingText(hours)} onRequested={loadAppointments} />
    </section>
  );
}
