// Two versions of a plan side by side. A changed row is marked in words
// ("Changed: pressure 2 → 1"), with a symbol and a heavier border as well as
// a tint, so the difference never rests on colour alone.
import { useEffect, useState } from 'preact/hooks';
import type { Knowledge, PlanVersion } from '../api';
import { shortDate } from './common';
import { compareRows } from './planDraft';

export function versionName(v: PlanVersion) {
  return `version ${v.version_no}`;
}

export function PlanCompare(props: {
  versions: PlanVersion[];
  catalogue: Knowledge;
  initial: [number, number] | null; // Plan ids.
}) {
  const { versions, catalogue } = props;
  const [a, setA] = useState<number | null>(props.initial?.[0] ?? null);
  const [b, setB] = useState<number | null>(props.initial?.[1] ?? null);
  useEffect(() => {
    if (props.initial) {
      setA(props.initial[0]);
      setB(props.initial[1]);
    }
  }, [props.initial?.[0], props.initial?.[1]]);

  if (versions.length < 2) {
    return <p class="muted">There is one version so far. Save a change to compare versions.</p>;
  }
  const va = versions.find((v) => v.id === a) ?? versions[versions.length - 2];
  const vb = versions.find((v) => v.id === b) ?? versions[versions.length - 1];
  const rows = va.plan && vb.plan ? compareRows(va.plan, vb.plan, catalogue, versionName(vb)) : [];
  const changed = rows.filter((r) => r.changes.length).length;
  const option = (v: PlanVersion) => (
    <option key={v.id} value={v.id}>
      Version {v.version_no} ({v.status}, {shortDate(v.created_at)})
    </option>
  );

  return (
    <div class="plan-compare">
      <div class="grid-2">
        <div class="field">
          <label for="compare-a">Compare</label>
          <select id="compare-a" value={String(va.id)} onChange={(e) => setA(Number(e.currentTarget.value))}>
            {versions.map(option)}
          </select>
        </div>
        <div class="field">
          <label for="compare-b">with</label>
          <select id="compare-b" value={String(vb.id)} onChange={(e) => setB(Number(e.currentTarget.value))}>
            {versions.map(option)}
          </select>
        </div>
      </div>
      <p aria-live="polite" data-testid="compare-summary">
        {changed === 0 ? 'No differences.' : `${changed} of ${rows.length} rows changed.`}
        {vb.plan?.revision_note && (
          <>
            {' '}
            Reason given for version {vb.version_no}: “{vb.plan.revision_note}”
          </>
        )}
      </p>
      <table class="list compare-table" data-testid="compare">
        <caption class="visually-hidden">
          Version {va.version_no} compared with version {vb.version_no}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Version {va.version_no}</th>
            <th scope="col">Version {vb.version_no}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} class={r.changes.length ? 'changed' : ''} data-changed={r.changes.length ? 'true' : 'false'}>
              <th scope="row">{r.label}</th>
              <td>{r.a ?? <em>not in this version</em>}</td>
              <td>{r.b ?? <em>not in this version</em>}</td>
              <td>
                {r.changes.length ? (
                  <strong class="change-mark">
                    <span aria-hidden="true">✎ </span>Changed: {r.changes.join('; ')}
                  </strong>
                ) : (
                  <span class="muted">Same</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
