// The "Work done" rows of a session note, shared by the note form and the
// amendment form: each row a technique, its regions (each with a side; a
// region may be added to or taken from the row), pressure and minutes, with
// the server's refusal under the control it names. Technique names are never
// cut short: their column is as wide as the longest name.
import type { Knowledge } from '../api';
import { newKey, PRESSURE_WORDS } from './planDraft';
import { sidesOf } from '../knowledge';
import { FieldRefusal, fieldProps, type Problem } from './Refusals';
import { totalMinutes, type Target, type WorkRow } from '../forms/workRows';

interface Props {
  rows: WorkRow[];
  catalogue: Knowledge;
  problems: Problem[];
  onChange: (rows: WorkRow[]) => void;
  plannedMinutes?: number; // The plan's session length, shown beside the total.
}

// Where the server names a row's region: at the row for a row of one region
// (sent as "region" and "side"), else at its place in "targets".
const targetPath = (row: string, r: WorkRow, j: number) => (r.targets.length === 1 ? row : `${row}.targets[${j}]`);

// A region the row does not name yet, on both sides where it has them.
function nextTarget(catalogue: Knowledge, taken: Target[]): Target {
  const free = catalogue.regions.find((g) => !taken.some((t) => t.region === g.id)) ?? catalogue.regions[0];
  const sides = sidesOf(catalogue, free.id);
  return { region: free.id, side: sides.includes('both') ? 'both' : sides[0] };
}

export function WorkRows(props: Props) {
  const { rows, catalogue, problems } = props;
  const setRow = (i: number, patch: Partial<WorkRow>) => props.onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setTarget = (i: number, j: number, patch: Partial<Target>) =>
    setRow(i, { targets: rows[i].targets.map((t, k) => (k === j ? { ...t, ...patch } : t)) });
  const total = totalMinutes(rows);

  return (
    <>
      <FieldRefusal problems={problems} field="techniques" />
      <ol class="work-rows plain">
        {rows.map((r, i) => {
          const p = `techniques[${i}]`;
          const n = `row ${i + 1}`;
          return (
            <li key={r.key} class="work-item" data-testid="work-row">
              <div class="work-row">
                <label class="work-field">
                  <span>Technique</span>
                  <select aria-label={`Technique, ${n}`} value={r.technique} {...fieldProps(problems, `${p}.technique`)}
                    onChange={(e) => setRow(i, { technique: e.currentTarget.value })}>
                    {catalogue.techniques.map((t) => (
                      <option key={t.id} value={t.id}>{t.label}</option>
                    ))}
                  </select>
                </label>
                <label class="work-field">
                  <span>Pressure</span>
                  <select aria-label={`Pressure, ${n}`} value={String(r.pressure)} {...fieldProps(problems, `${p}.pressure`)}
                    onChange={(e) => setRow(i, { pressure: Number(e.currentTarget.value) })}>
                    {[1, 2, 3, 4, 5].map((v) => (
                      <option key={v} value={v}>{v} {PRESSURE_WORDS[v]}</option>
                    ))}
                  </select>
                </label>
                <label class="work-field minutes">
                  <span>Minutes</span>
                  <input aria-label={`Minutes, ${n}`} inputMode="numeric" value={r.minutes} {...fieldProps(problems, `${p}.minutes`)}
                    onInput={(e) => setRow(i, { minutes: e.currentTarget.value })} />
                </label>
                <button type="button" class="linklike" aria-label={`Remove ${n}`}
                  onClick={() => props.onChange(rows.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
              {['technique', 'pressure', 'minutes', 'targets'].map((f) => (
                <FieldRefusal key={f} problems={problems} field={`${p}.${f}`} />
              ))}
              <ul class="work-targets plain" aria-label={`Regions, ${n}`}>
                {r.targets.map((t, j) => {
                  const at = targetPath(p, r, j);
                  const which = r.targets.length === 1 ? n : `region ${j + 1}, ${n}`;
                  return (
                    <li key={j} class="work-target">
                      <select aria-label={`Region, ${which}`} value={t.region} {...fieldProps(problems, `${at}.region`)}
                        onChange={(e) => setTarget(i, j, { region: e.currentTarget.value })}>
                        {catalogue.regions.map((g) => (
                          <option key={g.id} value={g.id}>{g.label}</option>
                        ))}
                      </select>
                      <select aria-label={`Side, ${which}`} value={t.side} {...fieldProps(problems, `${at}.side`)}
                        onChange={(e) => setTarget(i, j, { side: e.currentTarget.value })}>
                        {sidesOf(catalogue, t.region).map((s) => (
                          <option key={s} value={s}>{s}</option>
                        ))}
                      </select>
                      {r.targets.length > 1 && (
                        <button type="button" class="linklike" aria-label={`Take out region ${j + 1}, ${n}`}
                          onClick={() => setRow(i, { targets: r.targets.filter((_, k) => k !== j) })}>
                          Take out
                        </button>
                      )}
                      <FieldRefusal problems={problems} field={`${at}.region`} />
                      <FieldRefusal problems={problems} field={`${at}.side`} />
                      {r.targets.length > 1 && <FieldRefusal problems={problems} field={at} />}
                    </li>
                  );
                })}
              </ul>
              <button type="button" class="linklike small" aria-label={`Add a region to ${n}`}
                onClick={() => setRow(i, { targets: [...r.targets, nextTarget(catalogue, r.targets)] })}>
                Add a region
              </button>
            </li>
          );
        })}
      </ol>
      <p class="muted small" data-testid="work-total">
        Total: {total} minute{total === 1 ? '' : 's'}
        {props.plannedMinutes ? ` of a ${props.plannedMinutes}-minute session` : ''}.
      </p>
      <button type="button" class="secondary" onClick={() => {
        const last = rows[rows.length - 1];
        props.onChange([...rows, {
          key: newKey(), technique: last?.technique ?? 'swedish',
          targets: last ? last.targets.map((t) => ({ ...t })) : [{ region: 'lower_back', side: 'both' }],
          pressure: last?.pressure ?? 2, minutes: '5',
        }]);
      }}>
        Add a technique row
      </button>
    </>
  );
}
