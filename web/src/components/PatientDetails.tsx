// The patient's details as staff change them: an "Edit details" form (names,
// date of birth, sex, contact, notes and an optional reason) saved with the
// version last read, and "Changes to details", every earlier value with who
// changed it and when, in words. The server keeps the replaced values; this
// only shows them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, request, type Patient, type PatientDetailsHistory } from '../api';
import { ErrorBox, shortDate } from './common';
import { FieldRefusal, RefusalSummary, fieldProps, problemsOf } from './Refusals';
import { fieldLabel } from '../plainWords';

type Draft = Pick<Patient, 'given_name' | 'family_name' | 'date_of_birth' | 'sex' | 'email' | 'phone'> & {
  notes: string;
  reason: string;
};

const SEX_WORDS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other' };

function draftOf(p: Patient): Draft {
  return {
    given_name: p.given_name,
    family_name: p.family_name,
    date_of_birth: p.date_of_birth,
    sex: p.sex,
    email: p.email ?? '',
    phone: p.phone ?? '',
    notes: p.notes ?? '',
    reason: '',
  };
}

// A value as a person reads it in the history: sex in words, nothing as "(none)".
function shown(field: string, value: string) {
  if (!value) return '(none)';
  return field === 'sex' ? SEX_WORDS[value] ?? value : value;
}

function EditForm(props: { patient: Patient; onSaved: (p: Patient) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.patient));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const problems = problemsOf(error);
  const set = (field: keyof Draft) => (e: Event) =>
    setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value });
  const input = (field: keyof Draft, type: 'text' | 'date' | 'tel' | 'email' = 'text', autoComplete = 'off') => (
    <div class="field">
      <label for={`pd-${field}`}>{fieldLabel(field)}</label>
      <input
        id={`pd-${field}`}
        type={type as "text"}
        value={draft[field]}
        onInput={set(field)}
        autoComplete={autoComplete}
        ref={field === 'given_name' ? first : undefined}
        {...fieldProps(problems, field)}
      />
      <FieldRefusal problems={problems} field={field} />
    </div>
  );

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await request<Patient>('PUT', `/api/v1/patients/${props.patient.id}`, draft, {
        'If-Match': `"${props.patient.version}"`,
      });
      props.onSaved(answer.data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="patient-details-form" onSubmit={save} aria-labelledby="edit-details-title">
      <h3 id="edit-details-title">Edit details</h3>
      <RefusalSummary error={error} what="the changed details" describe={fieldLabel} />
      {input('given_name')}
      {input('family_name')}
      {input('date_of_birth', 'date')}
      <div class="field">
        <label for="pd-sex">{fieldLabel('sex')}</label>
        <select id="pd-sex" value={draft.sex} onChange={set('sex')} {...fieldProps(problems, 'sex')}>
          {Object.entries(SEX_WORDS).map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
        <FieldRefusal problems={problems} field="sex" />
      </div>
      {input('phone', 'tel')}
      {input('email', 'email')}
      <div class="field">
        <label for="pd-notes">{fieldLabel('notes')}</label>
        <textarea id="pd-notes" rows={3} value={draft.notes} onInput={set('notes')} {...fieldProps(problems, 'notes')} />
        <FieldRefusal problems={problems} field="notes" />
      </div>
      {input('reason')}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save details
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// Every change of the details, oldest first; shown on the patient's page and
// in their whole record (`labelledBy`: the id of the heading above it).
export function ChangeList(props: { history: PatientDetailsHistory; labelledBy: string }) {
  if (!props.history.items.length) return <p>No changes since the patient was added.</p>;
  return (
    <ol class="details-history" aria-labelledby={props.labelledBy}>
      {props.history.items.map((item) => (
        <li key={item.version}>
          <time dateTime={item.changed_at}>{shortDate(item.changed_at)}</time> <strong>{item.changed_by_name}</strong>{' '}
          {item.changes.length ? 'changed:' : 'saved without changes'}
          {item.changes.length > 0 && (
            <ul>
              {item.changes.map((c) => (
                <li key={c.field}>
                  {fieldLabel(c.field)} from “{shown(c.field, c.before)}” to “{shown(c.field, c.after)}”
                </li>
              ))}
            </ul>
          )}
          {item.reason && <p class="reason">Reason: {item.reason}</p>}
        </li>
      ))}
    </ol>
  );
}

// The edit button, form and history of one patient; `onChanged` gets the
// saved record so the page shows the new details.
export function PatientDetails(props: { patient: Patient; onChanged: (p: Patient) => void }) {
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<PatientDetailsHistory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const id = props.patient.id;
  const version = props.patient.version;

  useEffect(() => {
    get<PatientDetailsHistory>(`/api/v1/patients/${id}/history`).then(setHistory).catch(setError);
  }, [id, version]);

  // Closing the form gives focus back to where the person was: the saved
  // message after a save, the button after a cancel.
  const close = (after: 'saved' | 'cancelled') => {
    setEditing(false);
    setSaved(after === 'saved');
    setTimeout(() => (after === 'saved' ? status.current : editButton.current)?.focus(), 0);
  };

  return (
    <section class="patient-details" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      {editing ? (
        <EditForm
          patient={props.patient}
          onSaved={(p) => {
            props.onChanged(p);
            close('saved');
          }}
          onCancel={() => close('cancelled')}
        />
      ) : (
        <>
          {saved && (
            <p role="status" tabIndex={-1} ref={status} class="saved">
              Details saved. The earlier values are kept below.
            </p>
          )}
          <button type="button" class="secondary no-print" ref={editButton} onClick={() => setEditing(true)}>
            Edit details
          </button>
        </>
      )}
      <h3 id="details-history-title">Changes to details</h3>
      {error ? <ErrorBox error={error} focus={false} /> : history ? <ChangeList history={history} labelledBy="details-history-title" /> : <p>Loading…</p>}
    </section>
  );
}
