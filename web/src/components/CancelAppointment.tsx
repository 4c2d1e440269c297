// Asks a member of staff to confirm cancelling an appointment and to say why
// (the server refuses a cancellation without a reason); nothing is sent
// until they press "Cancel the appointment".
import { useState } from 'preact/hooks';

// The reasons the server accepts, in the words a front desk uses.
export const CANCEL_REASONS: { value: string; label: string }[] = [
  { value: 'patient_unwell', label: 'The patient is unwell' },
  { value: 'patient_request', label: 'The patient asked to cancel' },
  { value: 'therapist_unavailable', label: 'The therapist is not available' },
  { value: 'clinic_closed', label: 'The clinic is closed' },
  { value: 'transport', label: 'Travel or transport problem' },
  { value: 'work_or_family', label: 'Work or family commitments' },
  { value: 'booked_in_error', label: 'Booked by mistake' },
  { value: 'other', label: 'Another reason' },
];

// The same reasons in a patient's own words, for the portal.
export const PATIENT_CANCEL_REASONS: { value: string; label: string }[] = [
  { value: 'patient_unwell', label: 'I am unwell' },
  { value: 'transport', label: 'I cannot travel to the clinic' },
  { value: 'work_or_family', label: 'Work or family commitments' },
  { value: 'patient_request', label: 'I no longer need it' },
  { value: 'other', label: 'Another reason' },
];

export function CancelAppointment(props: {
  who: string;
  onConfirm: (reason: string, text: string) => void;
  onKeep: () => void;
  reasons?: { value: string; label: string }[];
}) {
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="card cancel-confirm"
      aria-labelledby="cancel-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) {
          setMissing(true);
          return;
        }
        props.onConfirm(reason, text);
      }}
    >
      <h3 id="cancel-title">Cancel {props.who}?</h3>
      <label for="cancel-reason">Why is it cancelled?</label>
      <select id="cancel-reason" value={reason} aria-invalid={missing && !reason}
        aria-describedby={missing && !reason ? 'cancel-reason-missing' : undefined}
        onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
        <option value="">Choose a reason</option>
        {(props.reasons ?? CANCEL_REASONS).map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </select>
      {missing && !reason && <p id="cancel-reason-missing" class="field-error">Choose a reason first.</p>}
      <label for="cancel-text">What was said (optional)</label>
      <textarea id="cancel-text" value={text} maxLength={2000}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="actions">
        <button type="submit" class="danger">Cancel the appointment</button>
        <button type="button" class="secondary" onClick={props.onKeep}>Keep it</button>
      </div>
    </form>
  );
}
