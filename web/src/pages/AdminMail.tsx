// Outgoing mail (admin): when reminders go out (the clinic setting
// reminder_hours, PUT /clinic/settings with the rest left as it is), and the
// newest messages of the outbox with every attempt, in words
// (GET /mail/outbox); a message that could not be sent can be sent again
// (POST /mail/outbox/{id}/retry). Times are on the clinic's clock.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, request, type ClinicSettings, type MailOutbox, type OutboxMessage } from '../api';
import { ErrorBox, Loading } from '../components/common';
import { zoneClock, zoneDate } from '../time';

type Outbox = MailOutbox;
type Message = OutboxMessage;

function when(at: string, zone: string) {
  return `${zoneDate(at, zone)} at ${zoneClock(at, zone)}`;
}

function ReminderSetting(props: { settings: ClinicSettings; onSaved: (s: ClinicSettings) => void }) {
  const [hours, setHours] = useState(String(props.settings.reminder_hours));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { version: _version, ...rest } = props.settings;
      const answer = await request<ClinicSettings>('PUT', '/api/v1/clinic/settings', {
        ...rest, reminder_hours: Number(hours),
      });
      props.onSaved(answer.data);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const bad = error instanceof ApiError && error.field === 'reminder_hours';
  return (
    <form class="card" aria-labelledby="reminder-title" onSubmit={submit} noValidate>
      <h2 id="reminder-title">Appointment reminders</h2>
      <div class="field">
        <label for="reminder-hours">Hours before each appointment to send its reminder (0: no reminders)</label>
        <input id="reminder-hours" type="number" min={0} max={336} inputMode="numeric" value={hours}
          aria-invalid={bad} onInput={(e) => setHours(e.currentTarget.value)} />
      </div>
      {error !== null && <ErrorBox error={error} />}
      {saved && (
        <p role="status">
          {props.settings.reminder_hours === 0
            ? 'Saved: no reminders are sent.'
            : `Saved: reminders go out ${props.settings.reminder_hours} hours before each appointment.`}
        </p>
      )}
      <button type="submit" disabled={busy}>Save reminder time</button>
    </form>
  );
}

function MessageRow(props: { message: Message; zone: string; onChanged: (m: Message) => void }) {
  const m = props.message;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const again = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onChanged(await post<Message>(`/api/v1/mail/outbox/${m.id}/retry`, {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <td>{m.kind_text}</td>
      <td>{m.recipient}</td>
      <td>{m.subject}</td>
      <td>
        {m.state_text}
        {m.sent_at && <> on {when(m.sent_at, props.zone)}</>}
        {m.next_attempt_at && m.state === 'queued' && m.attempts > 0 && <> (next try {when(m.next_attempt_at, props.zone)})</>}
        {m.last_error && m.state !== 'sent' && <div class="muted">Last problem: {m.last_error}</div>}
      </td>
      <td>
        {m.attempt_log.length === 0 ? 'none yet' : (
          <details>
            <summary>{m.attempt_log.length === 1 ? '1 attempt' : `${m.attempt_log.length} attempts`}</summary>
            <ul>
              {m.attempt_log.map((a, i) => (
                <li key={i}>{when(a.attempted_at, props.zone)}: {a.delivered ? 'delivered' : 'not delivered'} ({a.answer})</li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td>
        {m.state === 'failed' && (
          <button type="button" disabled={busy} onClick={again} aria-label={`Send again: ${m.subject} to ${m.recipient}`}>
            Send again
          </button>
        )}
        {error !== null && <ErrorBox error={error} />}
      </td>
    </tr>
  );
}

export function OutgoingMail() {
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([get<Outbox>('/api/v1/mail/outbox'), get<ClinicSettings>('/api/v1/clinic/settings')])
      .then(([o, s]) => { setOutbox(o); setSettings(s); })
      .catch(setError);
  }, []);
  if (error) return <ErrorBox error={error} />;
  if (!outbox || !settings) return <Loading what="outgoing mail" />;
  const replace = (m: Message) =>
    setOutbox({ ...outbox, items: outbox.items.map((x) => (x.id === m.id ? { ...x, ...m } : x)) });
  return (
    <>
      <ReminderSetting settings={settings} onSaved={setSettings} />
      <section class="card" aria-labelledby="outbox-title">
        <h2 id="outbox-title">Outgoing mail</h2>
        {!outbox.mail_set_up && <p class="notice" role="note">{outbox.not_set_up_text}</p>}
        {outbox.items.length === 0 ? <p>No mail yet.</p> : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">Outgoing mail, newest first</caption>
              <thead>
                <tr><th scope="col">What</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
              </thead>
              <tbody>
                {outbox.items.map((m) => <MessageRow key={m.id} message={m} zone={settings.time_zone} onChanged={replace} />)}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
