// The options of a "choose a patient" list: a prompt saying how many the
// search shows, then each patient by family name, given name and birth date
// (names alone can be shared). Used by every form that picks a patient.
import type { Patient } from '../api';
import { bornText } from '../time';

export function PatientOptions(props: { shown: Patient[] }) {
  return (
    <>
      <option value="">choose a patient ({props.shown.length} shown)</option>
      {props.shown.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {p.family_name}, {p.given_name} (born {bornText(p.date_of_birth)})
        </option>
      ))}
    </>
  );
}
