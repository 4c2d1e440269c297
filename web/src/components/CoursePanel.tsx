// "Book the course": the approved plan's rhythm in plain words, the
// remaining sessions the server proposes (GET .../course-proposal: a
// qualified therapist, the patient's usual one first, in free time on the
// clinic's clock), each adjustable (day, time, therapist among the qualified
// ones), then "Book all" (all or nothing) or "Book the free ones" (POST
// .../course-bookings), with what was booked and why anything was not.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, type Course, type CourseBookingResult, type CourseProposal } from '../api';
import { ErrorBox } from './common';

interface Row {
  day: string;
  time: string;
  therapistId: string;
}

export function CoursePanel(props: { patientId: number; patientName: string; onBooked?: () => void }) {
  const [from, setFrom] = useState('');
  const [proposal, setProposal] = useState<CourseProposal | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [refused, setRefused] = useState<unknown>(null); // Why no proposal (no plan, a referral).
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CourseBookingResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(0);

  const [course, setCourse] = useState<Course | null>(null);

  useEffect(() => {
    let live = true;
    const q = from ? `?from=${from}` : '';
    // The course first: without an approved plan, or while a referral stops
    // booking, there is nothing to propose and the panel says why.
    get<Course>(`/api/v1/patients/${props.patientId}/course`)
      .then((c) => {
        if (!live) return null;
        setCourse(c);
        if (c.plan_id === null || c.booking_refused) return null;
        return get<CourseProposal>(`/api/v1/patients/${props.patientId}/course-proposal${q}`);
      })
      .then((p) => {
        if (!live || !p) return;
        setRefused(null);
        setProposal(p);
        setRows(
          p.sessions.map((s) => ({
            day: s.starts_at_local.slice(0, 10),
            time: s.starts_at_local.slice(11, 16),
            therapistId: String(s.therapist_id),
          })),
        );
      })
      .catch((e) => live && setRefused(e));
    return () => {
      live = false;
    };
  }, [props.patientId, from, asked]);

  if (course && course.plan_id === null) return null; // No approved plan: nothing to book yet.
  if (course?.booking_refused) {
    return (
      <section class="card" aria-labelledby="course-book-title">
        <h2 id="course-book-title">Book the course</h2>
        <p data-testid="course-refused">{course.booking_refused}</p>
      </section>
    );
  }
  if (refused) {
    // No approved plan, or a referral that stops booking: said in words, not as an error.
    const message = refused instanceof ApiError && refused.status === 409 ? refused.message : null;
    return (
      <section class="card" aria-labelledby="course-book-title">
        <h2 id="course-book-title">Book the course</h2>
        {message ? <p data-testid="course-refused">{message}</p> : <ErrorBox error={refused} />}
      </section>
    );
  }
  if (!proposal) return null;

  const change = (i: number, part: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...part } : r)));

  const book = async (mode: 'all' | 'each') => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await post<CourseBookingResult>(`/api/v1/patients/${props.patientId}/course-bookings`, {
        mode,
        slots: rows.map((r) => ({ therapist_id: Number(r.therapistId), starts_at_local: `${r.day}T${r.time}` })),
      });
      setResult(answer);
      setAsked((n) => n + 1);
      props.onBooked?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rhythm = proposal.rhythm;
  return (
    <section class="card course-panel" aria-labelledby="course-book-title">
      <h2 id="course-book-title">Book the course</h2>
      <p data-testid="course-rhythm">
        The approved plan: <strong>{rhythm.text}</strong>
        {rhythm.techniques.length > 0 && <> ({rhythm.techniques.join(', ')})</>}. {proposal.text}.
      </p>
      <div class="grid-3">
        <div class="field">
          <label for="course-from">Start from</label>
          <input id="course-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <button type="button" class="secondary" onClick={() => setAsked((n) => n + 1)}>
            Propose again
          </button>
        </div>
      </div>
      {proposal.shortfall && <p class="alert-warning">{proposal.shortfall}</p>}
      {rows.length === 0 ? (
        <p data-testid="course-nothing-left">Every session of the course is booked or done.</p>
      ) : (
        <table class="list course-table" data-testid="course-proposal">
          <caption>Proposed sessions for {props.patientName}, on the clinic's clock</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Day</th>
              <th scope="col">Time</th>
              <th scope="col">Therapist</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>
                  <input type="date" aria-label={`Day of session ${i + 1}`} value={r.day}
                    onInput={(e) => change(i, { day: e.currentTarget.value })} />
                </td>
                <td>
                  <input type="time" step={300} aria-label={`Time of session ${i + 1}`} value={r.time}
                    onInput={(e) => change(i, { time: e.currentTarget.value })} />
                </td>
                <td>
                  <select aria-label={`Therapist for session ${i + 1}`} value={r.therapistId}
                    onChange={(e) => change(i, { therapistId: e.currentTarget.value })}>
                    {proposal.therapists.map((t) => (
                      <option key={t.id} value={String(t.id)}>{t.name}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorBox error={error} />
      {result && (
        <div role="status" data-testid="course-result">
          <p>{result.message}.</p>
          <ul>
            {result.slots.map((s) => (
              <li key={s.index}>
                {s.booked ? `Booked: ${s.when} with ${s.therapist_name}` : `Not booked: ${s.when}: ${s.reason}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {rows.length > 0 && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => book('all')}>
            {busy ? 'Booking…' : 'Book all'}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => book('each')}>
            Book the free ones
          </button>
        </div>
      )}
    </section>
  );
}
