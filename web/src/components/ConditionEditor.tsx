// The intake's conditions, medicines and situations: each one the knowledge
// lists, and for one reported present, where it is (when its rules act on a
// site: a region from the knowledge and one of that region's sides) and each
// modifier its rules read (contagious, high risk, unstable). The regions,
// sides and modifiers all come from GET /api/v1/knowledge; the server decides
// what they change in the plan.
import type { KnowledgeRegion } from '../api';
import type { ConditionAnswer } from './intakeDocument';

export interface KnowledgeCondition {
  id: string;
  reason: string;
  asks_site?: boolean;
  modifiers?: string[];
}

// The question for each modifier the knowledge names, in the clinician's words;
// a modifier added to the knowledge later is still asked, by its own name.
const MODIFIER_QUESTION: Record<string, string> = {
  contagious: 'Could it spread to others (contagious)?',
  high_risk: 'High-risk pregnancy (under obstetric care for a complication)',
  unstable: 'Not under control at the moment (unstable)',
};

const SIDE_WORDS: Record<string, string> = {
  left: 'left',
  right: 'right',
  both: 'both sides',
  midline: 'the middle (midline)',
};

function conditionName(c: KnowledgeCondition) {
  const name = c.reason.split(':')[0];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function SiteAndModifiers(props: {
  condition: KnowledgeCondition;
  regions: KnowledgeRegion[];
  value: ConditionAnswer;
  badField: string;
  onChange: (value: ConditionAnswer) => void;
}) {
  const { condition: c, value } = props;
  const base = `conditions.${c.id}`;
  const region = props.regions.find((r) => r.id === value.region);
  const sides = region?.sides ?? [];
  const set = (patch: Partial<ConditionAnswer>) => props.onChange({ ...value, ...patch });
  const name = conditionName(c);
  return (
    <div class="condition-details" data-testid={`condition-details-${c.id}`}>
      {c.asks_site && (
        <fieldset class={props.badField.startsWith(base) ? 'invalid' : ''}>
          <legend>Where is it? ({name})</legend>
          <div class="grid-2">
            <div class="field">
              <label for={`site-${c.id}`}>Part of the body</label>
              <select id={`site-${c.id}`} value={value.region} data-site={c.id}
                aria-invalid={props.badField === `${base}.regions[0]`}
                onChange={(e) => {
                  const next = e.currentTarget.value;
                  const nextSides: string[] = props.regions.find((r) => r.id === next)?.sides ?? [];
                  // A side the new region does not have is dropped, not sent.
                  set({ region: next, side: nextSides.includes(value.side) ? value.side : '' });
                }}>
                <option value="">not given</option>
                {props.regions.map((r) => (
                  <option key={r.id} value={r.id}>{r.label}</option>
                ))}
              </select>
            </div>
            {sides.length > 0 && (
              <fieldset class="side-choice">
                <legend>Side</legend>
                <div class="choices">
                  {sides.map((s) => (
                    <label key={s} class="choice">
                      <input type="radio" name={`site-side-${c.id}`} value={s} checked={value.side === s}
                        aria-invalid={props.badField === `${base}.side`}
                        onChange={() => set({ side: s })} />
                      {SIDE_WORDS[s] ?? s.replace(/_/g, ' ')}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </div>
          {!value.region && (
            <p class="muted small">Not given: the plan keeps away from the whole area the rule names.</p>
          )}
        </fieldset>
      )}
      {(c.modifiers ?? []).map((m) => (
        <label key={m} class="choice">
          <input type="checkbox" checked={value.modifiers.includes(m)} data-modifier={`${c.id}.${m}`}
            onChange={(e) =>
              set({
                modifiers: e.currentTarget.checked
                  ? [...value.modifiers, m]
                  : value.modifiers.filter((x) => x !== m),
              })
            } />
          {MODIFIER_QUESTION[m] ?? m.replace(/_/g, ' ')}
        </label>
      ))}
    </div>
  );
}

export function ConditionEditor(props: {
  conditions: KnowledgeCondition[];
  regions: KnowledgeRegion[];
  value: Record<string, ConditionAnswer>;
  badField: string;
  onChange: (value: Record<string, ConditionAnswer>) => void;
}) {
  const toggle = (id: string, present: boolean) => {
    const next = { ...props.value };
    if (present) next[id] = { region: '', side: '', modifiers: [] };
    else delete next[id];
    props.onChange(next);
  };
  return (
    <section class="card" aria-labelledby="conditions-title">
      <h2 id="conditions-title">Conditions, medicines and situations</h2>
      <div class="choices columns">
        {props.conditions.map((c) => {
          const value = props.value[c.id];
          const asks = c.asks_site || (c.modifiers ?? []).length > 0;
          return (
            <div key={c.id} class={value && asks ? 'condition condition-open' : 'condition'}>
              <label class="choice">
                <input type="checkbox" checked={!!value} data-condition={c.id}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                {conditionName(c)}
              </label>
              {value && asks && (
                <SiteAndModifiers condition={c} regions={props.regions} value={value} badField={props.badField}
                  onChange={(v) => props.onChange({ ...props.value, [c.id]: v })} />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
