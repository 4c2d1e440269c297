// A 0–10 pain rating as eleven large radio buttons: a finger-sized target on
// a tablet, and a native radio group for the keyboard (Tab into it; arrows,
// Space or a typed digit choose; Home is 0 and End is 10). The chosen number is shown by a thick border, bold
// type and a tick, not by colour alone; "not asked" clears it.
import { FieldRefusal, fieldProps, type Problem } from './Refusals';

export function PainScale(props: {
  name: string; // Form field name, e.g. "leg_pain_before".
  legend: string;
  value: number | null;
  problems: Problem[];
  onChange: (value: number | null) => void;
}) {
  const { name, value } = props;
  const describedBy = fieldProps(props.problems, name);
  return (
    <fieldset class="pain-scale" data-testid={`pain-${name}`} {...describedBy}>
      <legend>
        {props.legend}: <span class="pain-value">{value === null ? 'not asked' : value}</span>
      </legend>
      <div class="pain-options" onKeyDown={(e) => {
        // Typing a digit chooses it; Home and End choose 0 and 10.
        const n = /^[0-9]$/.test(e.key) ? Number(e.key) : e.key === 'Home' ? 0 : e.key === 'End' ? 10 : null;
        if (n === null) return;
        e.preventDefault();
        props.onChange(n);
        (e.currentTarget as HTMLElement).querySelector<HTMLInputElement>(`input[value="${n}"]`)?.focus();
      }}>
        <label class={`pain-option pain-none${value === null ? ' chosen' : ''}`}>
          <input type="radio" name={name} value="" checked={value === null} onChange={() => props.onChange(null)}
            aria-label={`${props.legend}: not asked`} />
          <span aria-hidden="true">not asked</span>
        </label>
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} class={`pain-option${value === n ? ' chosen' : ''}`}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => props.onChange(n)}
              aria-label={`${props.legend}: ${n}`} />
            <span aria-hidden="true">
              {value === n ? '✓' : ''}
              {n}
            </span>
          </label>
        ))}
      </div>
      <p class="pain-anchors muted small" aria-hidden="true">
        <span>0 no pain</span>
        <span>10 worst imaginable</span>
      </p>
      <FieldRefusal problems={props.problems} field={name} />
    </fieldset>
  );
}
