// The therapist's edit of one plan version: techniques (add, remove, change),
// their targets and sides, pressure and minutes, the course and the session
// length. Each item keeps its "because" and evidence grade in view; the
// server's refusals appear under the control they name.
import type { Knowledge } from '../api';
import { EvidenceTag } from './ResultView';
import { FieldRefusal, fieldProps, type Problem } from './Refusals';
import { PRESSURE_WORDS, newKey, regionLabel, techniqueLabel, totalMinutes, type DraftItem, type DraftPlan } from './planDraft';
import { sidesOf } from '../knowledge';

interface Props {
  draft: DraftPlan;
  catalogue: Knowledge;
  problems: Problem[];
  onChange: (next: DraftPlan, structural?: boolean) => void;
}

function ItemEditor(props: Props & { index: number; item: DraftItem }) {
  const { index: i, item, catalogue, problems, draft } = props;
  const path = `plan.techniques[${i}]`;
  const tech = catalogue.techniques.find((t) => t.id === item.technique);
  const label = techniqueLabel(catalogue, item.technique);
  const setItem = (patch: Partial<DraftItem>, structural = false) =>
    props.onChange({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) }, structural);
  const setTarget = (j: number, patch: Partial<DraftItem['targets'][number]>) =>
    setItem({ targets: item.targets.map((g, k) => (k === j ? { ...g, ...patch } : g)) });
  const id = (name: string) => `item-${item.key}-${name}`;

  return (
    <li class="card edit-item" data-testid="edit-item">
      <div class="page-head">
        <h3 id={id('title')}>
          {i + 1}. {label}
        </h3>
        <button type="button" class="secondary" aria-label={`Remove technique ${i + 1} (${label})`}
          onClick={() => props.onChange({ ...draft, items: draft.items.filter((_, j) => j !== i) }, true)}>
          Remove
        </button>
      </div>
      <div class="grid-3 item-fields">
        <div class="field">
          <label for={id('technique')}>Technique</label>
          <select id={id('technique')} value={item.technique} {...fieldProps(problems, `${path}.technique`)}
            onChange={(e) => {
              const next = catalogue.techniques.find((t) => t.id === e.currentTarget.value);
              // A new technique needs its own reason; the server records it as the therapist's choice.
              setItem({ technique: e.currentTarget.value, because: [], evidence: next?.evidence ?? null });
            }}>
            {catalogue.techniques.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('pressure')}>Pressure</label>
          <select id={id('pressure')} value={String(item.pressure)} {...fieldProps(problems, `${path}.pressure`)}
            onChange={(e) => setItem({ pressure: Number(e.currentTarget.value) })}>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={p}>
                {p} {PRESSURE_WORDS[p]}
              </option>
            ))}
          </select>
          {tech && (
            <span class="muted small">
              {tech.label} is given at {tech.min_pressure}–{tech.max_pressure}.
            </span>
          )}
        </div>
        <div class="field">
          <label for={id('minutes')}>Minutes</label>
          <input id={id('minutes')} inputMode="numeric" value={item.minutes} {...fieldProps(problems, `${path}.minutes`)}
            onInput={(e) => setItem({ minutes: e.currentTarget.value })} />
        </div>
      </div>
      {/* Below the three columns, where a refusal's reason has room to be read. */}
      <FieldRefusal problems={problems} field={`${path}.technique`} />
      <FieldRefusal problems={problems} field={`${path}.pressure`} />
      <FieldRefusal problems={problems} field={`${path}.minutes`} />
      <fieldset>
        <legend>Where (target muscles, regions and sides)</legend>
        <FieldRefusal problems={problems} field={`${path}.targets`} />
        <ul class="targets plain">
          {item.targets.map((g, j) => {
            const tpath = `${path}.targets[${j}]`;
            const name = `technique ${i + 1}, target ${j + 1}`;
            return (
              <li key={j} class="target-row">
                <div class="target-fields">
                  <div class="field">
                    <label for={id(`t${j}-region`)}>Region <span class="visually-hidden">of {name}</span></label>
                    <select id={id(`t${j}-region`)} value={g.region} {...fieldProps(problems, `${tpath}.region`)}
                      onChange={(e) => setTarget(j, { region: e.currentTarget.value })}>
                      {catalogue.regions.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class="field">
                    <label for={id(`t${j}-side`)}>Side <span class="visually-hidden">of {name}</span></label>
                    <select id={id(`t${j}-side`)} value={g.side} {...fieldProps(problems, `${tpath}.side`)}
                      onChange={(e) => setTarget(j, { side: e.currentTarget.value })}>
                      {sidesOf(catalogue, g.region).map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class="field">
                    <label for={id(`t${j}-muscle`)}>Muscle <span class="visually-hidden">of {name}</span></label>
                    <input id={id(`t${j}-muscle`)} value={g.muscle} list={`muscles-${g.region}`}
                      onInput={(e) => setTarget(j, { muscle: e.currentTarget.value })} />
                  </div>
                  <button type="button" class="linklike remove-target" aria-label={`Remove ${name} (${regionLabel(catalogue, g.region)})`}
                    onClick={() => setItem({ targets: item.targets.filter((_, k) => k !== j) }, true)}>
                    Remove
                  </button>
                </div>
                <FieldRefusal problems={problems} field={`${tpath}.region`} />
                <FieldRefusal problems={problems} field={`${tpath}.side`} />
              </li>
            );
          })}
        </ul>
        <button type="button" class="secondary"
          onClick={() => setItem({ targets: [...item.targets, { ...(item.targets[0] ?? { region: 'lower_back', side: 'both', muscle: '' }) }] }, true)}>
          Add a target to {label}
        </button>
      </fieldset>
      <p class="because-title">
        <strong>Because</strong>
      </p>
      {item.because.length ? (
        <ul class="because">
          {item.because.map((b, j) => (
            <li key={j}>{b}</li>
          ))}
        </ul>
      ) : (
        <p class="because muted">Chosen by the therapist at plan review (recorded as such when saved).</p>
      )}
      {item.evidence && <EvidenceTag evidence={item.evidence} />}
    </li>
  );
}

export function PlanEditor(props: Props) {
  const { draft, catalogue, problems } = props;
  const set = (patch: Partial<DraftPlan>) => props.onChange({ ...draft, ...patch });
  const total = totalMinutes(draft);
  const addSelect = 'add-technique';

  const addTechnique = () => {
    const el = document.getElementById(addSelect) as HTMLSelectElement | null;
    const tech = catalogue.techniques.find((t) => t.id === el?.value);
    if (!tech) return;
    const first = draft.items[0]?.targets[0] ?? { region: 'lower_back', side: 'both', muscle: '' };
    props.onChange(
      {
        ...draft,
        items: [
          ...draft.items,
          {
            key: newKey(),
            technique: tech.id,
            pressure: tech.min_pressure,
            minutes: String(tech.minutes_per_region),
            targets: [{ ...first }],
            because: [],
            evidence: tech.evidence,
          },
        ],
      },
      true,
    );
  };

  return (
    <div class="plan-editor">
      {catalogue.regions.map((r) => (
        <datalist key={r.id} id={`muscles-${r.id}`}>
          {r.muscles.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      ))}
      <h3>Techniques</h3>
      <FieldRefusal problems={problems} field="plan.techniques" />
      <ol class="edit-items plain">
        {draft.items.map((item, i) => (
          <ItemEditor key={item.key} {...props} index={i} item={item} />
        ))}
      </ol>
      <div class="add-row">
        <div class="field">
          <label for={addSelect}>Technique to add</label>
          <select id={addSelect}>
            {catalogue.techniques.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label} (pressure {t.min_pressure}–{t.max_pressure})
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="secondary" onClick={addTechnique}>
          Add technique
        </button>
      </div>

      <h3>Course and session</h3>
      <div class="grid-3">
        <div class="field">
          <label for="plan-per-week">Sessions a week</label>
          <input id="plan-per-week" inputMode="numeric" value={draft.perWeek} {...fieldProps(problems, 'plan.sessions.per_week')}
            onInput={(e) => set({ perWeek: e.currentTarget.value })} />
          <FieldRefusal problems={problems} field="plan.sessions.per_week" />
        </div>
        <div class="field">
          <label for="plan-count">Number of sessions</label>
          <input id="plan-count" inputMode="numeric" value={draft.count} {...fieldProps(problems, 'plan.sessions.count')}
            onInput={(e) => set({ count: e.currentTarget.value })} />
          <FieldRefusal problems={problems} field="plan.sessions.count" />
        </div>
        <div class="field">
          <label for="plan-minutes">Session length (minutes)</label>
          <input id="plan-minutes" inputMode="numeric" value={draft.minutes} {...fieldProps(problems, 'plan.sessions.minutes')}
            onInput={(e) => set({ minutes: e.currentTarget.value })} />
          <FieldRefusal problems={problems} field="plan.sessions.minutes" />
        </div>
      </div>
      <p class="minutes-total" aria-live="polite">
        The techniques take {total} of {draft.minutes || '?'} minutes.
      </p>
      <label class="choice">
        <input type="checkbox" checked={draft.oilsAllowed} {...fieldProps(problems, 'plan.oils_allowed')}
          onChange={(e) => set({ oilsAllowed: e.currentTarget.checked })} />
        Oils allowed
      </label>
      <FieldRefusal problems={problems} field="plan.oils_allowed" />
      <div class="field">
        <label for="plan-note">Reason for the change (kept with the version)</label>
        <textarea id="plan-note" rows={2} value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />
      </div>
    </div>
  );
}
