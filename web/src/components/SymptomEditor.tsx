// The editor of one body-map region's symptom: side, kind and intensity. A
// region already marked opens with what was recorded there; focus moves into
// the editor as it appears and back to the region once the symptom is added.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Knowledge } from '../api';
import type { PatientSide, Symptom } from './BodyMap';
import { regionName, sidesOf } from '../knowledge';

export function SymptomEditor(props: {
  knowledge: Knowledge;
  selected: { region: string; side: PatientSide };
  existing: Symptom[];
  onAdd: (s: Symptom) => void;
  onClose: () => void;
}) {
  const { region } = props.selected;
  const [side, setSide] = useState<string>(props.selected.side);
  const [kind, setKind] = useState<string>(props.knowledge.vocabularies.symptom_kinds[0] ?? '');
  const [intensity, setIntensity] = useState(5);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A layout effect, so focus moves in the same task as the editor appears:
  // a key pressed right after choosing a region lands in the editor, not on the map.
  useLayoutEffect(() => {
    setSide(props.selected.side);
    // A region already marked opens with what was recorded there.
    const known = props.existing.find((x) => x.region === region && x.side === props.selected.side);
    // A region not yet marked starts afresh: the kind and intensity of the
    // region chosen before must not be saved here unnoticed.
    setKind(known ? known.kind : (props.knowledge.vocabularies.symptom_kinds[0] ?? ''));
    setIntensity(known ? known.intensity : 5);
    // Keyboard users continue in the editor: the next Tab reaches its fields.
    headingRef.current?.focus();
  }, [props.selected]);
  const sides = sidesOf(props.knowledge, region);
  const replacing = props.existing.some((s) => s.region === region && s.side === side && s.kind === kind);

  return (
    <div class="symptom-editor card" aria-labelledby="editor-title">
      <h3 id="editor-title" ref={headingRef} tabIndex={-1} aria-live="polite">
        Selected: {props.selected.side} {regionName(props.knowledge.regions, region)}
      </h3>
      <fieldset>
        <legend>Side</legend>
        <div class="choices">
          {sides.map((s) => (
            <label key={s} class="choice">
              <input type="radio" name="symptom-side" value={s} checked={side === s} onChange={() => setSide(s)} />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Kind</legend>
        <div class="choices">
          {props.knowledge.vocabularies.symptom_kinds.map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="symptom-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k}
            </label>
          ))}
        </div>
      </fieldset>
      <label for="symptom-intensity">
        Intensity (0 none – 10 worst imaginable): <output for="symptom-intensity">{intensity}</output>
      </label>
      <input id="symptom-intensity" type="range" min={0} max={10} step={1} value={intensity}
        onInput={(e) => setIntensity(Number(e.currentTarget.value))} />
      <div class="actions">
        <button type="button" onClick={() => {
          props.onAdd({ region, side, kind, intensity });
          // Back to the region just marked, to go on choosing on the map.
          document.querySelector<SVGElement>(
            `.region[data-region="${region}"][data-side="${props.selected.side}"]`)?.focus();
        }}>
          {replacing ? 'Update symptom' : 'Add symptom'}
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
