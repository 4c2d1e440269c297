// Work that departs from the patient's screening, shown when the server
// refused it (or the note was recorded with it): each departure in the
// therapist's words, and "Record anyway" with a reason, which is kept with
// the note, marked on the chart and audited.
import type { SessionNoteRecord } from '../api';
import { FieldRefusal, fieldProps, plain, type Problem } from './Refusals';
import { describeNoteField } from '../forms/noteForm';

interface Props {
  recorded: SessionNoteRecord['deviations'] | null;
  departures: Problem[];
  problems: Problem[];
  reason: string;
  busy: boolean;
  onReason: (reason: string) => void;
  onRecord: () => void;
}

export function DeviationPanel(props: Props) {
  const { recorded, departures, problems } = props;
  return (
    <fieldset class="record-anyway" data-testid="record-anyway">
      <legend>Record the deviation from screening</legend>
      {recorded && (
        <p data-testid="recorded-deviations">
          This note was recorded with {recorded.items.length} departure{recorded.items.length === 1 ? '' : 's'} from
          the patient's screening: {recorded.items.map((d) => plain(d.message)).join('; ')}.
        </p>
      )}
      {departures.length > 0 && (
        <ul data-testid="departures">
          {departures.map((d, i) => (
            <li key={i}>
              {describeNoteField(d.field)}: {plain(d.message)}
            </li>
          ))}
        </ul>
      )}
      <p>
        If this is what was actually done, record it anyway and say why. The deviation is kept with the note,
        marked on the patient's chart and written to the audit trail.
      </p>
      <div class="field">
        <label for="deviation-reason">Reason for departing from screening</label>
        <textarea id="deviation-reason" rows={2} maxLength={500} value={props.reason}
          {...fieldProps(problems, 'deviation_reason')}
          onInput={(e) => props.onReason(e.currentTarget.value)} />
        <FieldRefusal problems={problems} field="deviation_reason" />
      </div>
      <button type="button" class="record-anyway-button" disabled={props.busy} onClick={props.onRecord}>
        Record anyway with this reason
      </button>
    </fieldset>
  );
}
