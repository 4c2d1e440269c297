// The waiting list from the Schedule: the front desk finds a patient by name
// and adds them with the same form as on the patient's page
// (WaitingListEntry), without leaving the week they are looking at.
import { useState } from 'preact/hooks';
import { ErrorBox } from './common';
import { usePatientSearch } from './patientSearch';
import { PatientOptions } from './PatientOptions';
import { WaitingListEntry } from './WaitingListEntry';

export function ScheduleWaitingList() {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const shown = usePatientSearch(search, {
    shown: (items) => setChosen((id) => (items.some((x) => String(x.id) === id) ? id : '')),
    error: setError,
  });
  const patient = shown.find((p) => String(p.id) === chosen);
  return (
    <details class="card" data-testid="schedule-waiting-list">
      <summary>Add a patient to the waiting list</summary>
      <ErrorBox error={error} />
      <div class="grid-2">
        <div class="field">
          <label for="swl-search">Search by name</label>
          <input id="swl-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="swl-patient">Patient who waits</label>
          <select id="swl-patient" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <PatientOptions shown={shown} />
          </select>
        </div>
      </div>
      {patient && (
        <WaitingListEntry key={patient.id} patientId={patient.id} patientName={`${patient.given_name} ${patient.family_name}`} />
      )}
    </details>
  );
}
