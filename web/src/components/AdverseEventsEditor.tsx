// The "Adverse events" part of a session note: what happened, how severe and
// a note per event, added and removed by the therapist; a new event takes
// the keyboard focus so keyboard users continue in it.
import { newKey } from './planDraft';
import { words } from './common';
import { FieldRefusal, fieldProps, type Problem } from './Refusals';
import type { EventRow } from '../forms/noteForm';

const EVENT_KINDS = [
  'soreness', 'bruising', 'increased_pain', 'symptom_peripheralisation', 'numbness_or_tingling', 'dizziness',
  'headache', 'skin_reaction', 'other',
];

export function AdverseEventsEditor(props: { events: EventRow[]; problems: Problem[]; onChange: (e: EventRow[]) => void }) {
  const { events, problems } = props;
  const setEvent = (i: number, patch: Partial<EventRow>) => props.onChange(events.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section class="card" aria-labelledby="events-title">
      <h2 id="events-title">Adverse events</h2>
      {events.length === 0 && <p class="muted">None recorded.</p>}
      <FieldRefusal problems={problems} field="adverse_events" />
      {events.map((ev, i) => {
        const p = `adverse_events[${i}]`;
        return (
          <fieldset key={ev.key} class="adverse-event" data-testid="adverse-event">
            <legend>Adverse event {i + 1}</legend>
            <div class="grid-2">
              <div class="field">
                <label for={`event-${ev.key}-kind`}>What happened</label>
                <select id={`event-${ev.key}-kind`} value={ev.kind} {...fieldProps(problems, `${p}.kind`)}
                  onChange={(e) => setEvent(i, { kind: e.currentTarget.value })}>
                  {EVENT_KINDS.map((k) => (
                    <option key={k} value={k}>{words(k)}</option>
                  ))}
                </select>
                <FieldRefusal problems={problems} field={`${p}.kind`} />
              </div>
              <fieldset class="severity" {...fieldProps(problems, `${p}.severity`)}>
                <legend>Severity</legend>
                <div class="choices">
                  {(['mild', 'moderate', 'severe'] as const).map((s) => (
                    <label key={s} class="choice">
                      <input type="radio" name={`event-${ev.key}-severity`} value={s} checked={ev.severity === s}
                        onChange={() => setEvent(i, { severity: s })} />
                      {s}
                    </label>
                  ))}
                </div>
                <FieldRefusal problems={problems} field={`${p}.severity`} />
              </fieldset>
            </div>
            <div class="field">
              <label for={`event-${ev.key}-note`}>Note</label>
              <input id={`event-${ev.key}-note`} value={ev.note} {...fieldProps(problems, `${p}.note`)}
                onInput={(e) => setEvent(i, { note: e.currentTarget.value })} />
              <FieldRefusal problems={problems} field={`${p}.note`} />
            </div>
            <button type="button" class="linklike" onClick={() => props.onChange(events.filter((_, j) => j !== i))}>
              Remove adverse event {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" class="secondary" data-add="event"
        onClick={() => {
          const key = newKey();
          props.onChange([...events, { key, kind: 'soreness', severity: 'mild', note: '' }]);
          // Keyboard users continue in the new event, which sits above this button.
          setTimeout(() => document.getElementById(`event-${key}-kind`)?.focus());
        }}>
        Add an adverse event
      </button>
    </section>
  );
}
