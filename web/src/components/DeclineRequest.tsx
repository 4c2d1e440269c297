// Asks a member of staff why a patient's appointment request is declined:
// the words are required (the server refuses a decline without them) and the
// patient reads them in the portal, so nothing is sent until they are given.
import { useState } from 'preact/hooks';

export function DeclineRequest(props: { who: string; onConfirm: (text: string) => void; onKeep: () => void }) {
  const [why, setWhy] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="card decline-form"
      aria-labelledby="decline-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!why.trim()) {
          setMissing(true);
          return;
        }
        props.onConfirm(why.trim());
      }}
    >
      <h3 id="decline-title">Decline {props.who}?</h3>
      <label for="decline-why">Why is the request declined? The patient will read this.</label>
      <textarea id="decline-why" rows={2} maxLength={2000} value={why} aria-invalid={missing && !why.trim()}
        aria-describedby={missing && !why.trim() ? 'decline-why-missing' : undefined}
        onInput={(e) => setWhy((e.target as HTMLTextAreaElement).value)} />
      {missing && !why.trim() && <p id="decline-why-missing" class="field-error">Say why first: the patient reads it.</p>}
      <div class="actions">
        <button type="submit" class="danger">Decline the request</button>
        <button type="button" class="secondary" onClick={props.onKeep}>Keep the request</button>
      </div>
    </form>
  );
}
