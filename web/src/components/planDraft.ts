// The plan review screen's working copy of a plan, as plain functions: from a
// stored plan to an editable draft, from the draft to the revision the server
// checks, field paths in words, and the rows of a side-by-side comparison.
import type { Evidence, Knowledge, Plan } from '../api';
import { words } from './common';
import { numberOrText } from '../forms/numberOrText';

export interface DraftTarget {
  region: string;
  side: string;
  muscle: string;
}

export interface DraftItem {
  key: number; // Stable across edits, for rendering only.
  technique: string;
  pressure: number;
  minutes: string;
  targets: DraftTarget[];
  because: string[];
  evidence: Evidence | null;
}

export interface DraftPlan {
  items: DraftItem[];
  perWeek: string;
  count: string;
  minutes: string;
  oilsAllowed: boolean;
  note: string;
}

export const PRESSURE_WORDS = ['', 'light', 'moderate', 'firm', 'deep', 'very deep'];

let nextKey = 1;
export const newKey = () => nextKey++;

export function draftFromPlan(plan: Plan): DraftPlan {
  return {
    items: plan.techniques.map((t) => ({
      key: newKey(),
      technique: t.technique,
      pressure: t.pressure,
      minutes: String(t.minutes),
      targets: t.targets.map((g) => ({ region: g.region, side: g.side, muscle: g.muscle })),
      because: t.because,
      evidence: t.evidence,
    })),
    perWeek: String(plan.sessions.per_week),
    count: String(plan.sessions.count),
    minutes: String(plan.sessions.minutes),
    oilsAllowed: plan.oils_allowed,
    note: '',
  };
}

export function revisionBody(d: DraftPlan) {
  const body: Record<string, unknown> = {
    plan: {
      techniques: d.items.map((i) => ({
        technique: i.technique,
        pressure: i.pressure,
        minutes: numberOrText(i.minutes),
        targets: i.targets.map((g) => ({ region: g.region, side: g.side, muscle: g.muscle })),
        because: i.because,
      })),
      sessions: { per_week: numberOrText(d.perWeek), count: numberOrText(d.count), minutes: numberOrText(d.minutes) },
      oils_allowed: d.oilsAllowed,
    },
  };
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

export function totalMinutes(d: DraftPlan) {
  return d.items.reduce((sum, i) => sum + (Number.isFinite(Number(i.minutes)) ? Number(i.minutes) : 0), 0);
}

export function techniqueLabel(catalogue: Knowledge, id: string) {
  return catalogue.techniques.find((t) => t.id === id)?.label ?? words(id);
}

export function regionLabel(catalogue: Knowledge, id: string) {
  return catalogue.regions.find((r) => r.id === id)?.label ?? words(id);
}

// "plan.techniques[1].targets[0].region" -> "Technique 2 (Myofascial release), target 1: region".
export function describePlanField(field: string, d: DraftPlan, catalogue: Knowledge) {
  const f = field.replace(/^plan\.?/, '');
  const m = /^techniques\[(\d+)\](?:\.targets\[(\d+)\])?(?:\.(\w+))?$/.exec(f);
  if (m) {
    const i = Number(m[1]);
    const item = d.items[i];
    let text = `Technique ${i + 1}${item ? ` (${techniqueLabel(catalogue, item.technique)})` : ''}`;
    if (m[2] !== undefined) text += `, target ${Number(m[2]) + 1}`;
    if (m[3]) text += `: ${words(m[3])}`;
    return text;
  }
  const fixed: Record<string, string> = {
    '': 'The plan',
    techniques: 'Techniques',
    'sessions.per_week': 'Sessions a week',
    'sessions.count': 'Number of sessions',
    'sessions.minutes': 'Session length',
    oils_allowed: 'Oils',
    'if-match': 'Version',
    note: 'Reason for the change',
  };
  return fixed[f] ?? words(field);
}

// ---- Comparison of two versions.

export interface CompareRow {
  label: string;
  a: string | null; // null: not in this version.
  b: string | null;
  changes: string[]; // Empty: the same in both.
}

function targetsText(catalogue: Knowledge, targets: { region: string; side: string }[]) {
  return targets.map((g) => `${regionLabel(catalogue, g.region)} (${g.side})`).join(', ');
}

function itemText(catalogue: Knowledge, t: Plan['techniques'][number]) {
  return `pressure ${t.pressure} (${PRESSURE_WORDS[t.pressure] ?? ''}) · ${t.minutes} min · ${targetsText(catalogue, t.targets)}`;
}

// Items are matched by technique and occurrence, so removing one item does
// not make every later item look changed.
function keyed(plan: Plan) {
  const seen: Record<string, number> = {};
  return plan.techniques.map((t) => {
    const n = (seen[t.technique] = (seen[t.technique] ?? 0) + 1);
    return { key: `${t.technique}#${n}`, item: t, n };
  });
}

export function compareRows(a: Plan, b: Plan, catalogue: Knowledge, nameB: string): CompareRow[] {
  const rows: CompareRow[] = [];
  const scalar = (label: string, x: string, y: string) =>
    rows.push({ label, a: x, b: y, changes: x === y ? [] : [`${label.toLowerCase()} ${x} → ${y}`] });
  scalar('Sessions a week', String(a.sessions.per_week), String(b.sessions.per_week));
  scalar('Number of sessions', String(a.sessions.count), String(b.sessions.count));
  scalar('Session length', `${a.sessions.minutes} min`, `${b.sessions.minutes} min`);
  scalar('Oils allowed', a.oils_allowed ? 'yes' : 'no', b.oils_allowed ? 'yes' : 'no');

  const left = keyed(a);
  const right = keyed(b);
  const keys = [...left.map((x) => x.key), ...right.map((x) => x.key).filter((k) => !left.some((x) => x.key === k))];
  for (const key of keys) {
    const x = left.find((l) => l.key === key);
    const y = right.find((r) => r.key === key);
    const any = (x ?? y)!;
    const label = `${techniqueLabel(catalogue, any.item.technique)}${any.n > 1 ? ` (${any.n})` : ''}`;
    const changes: string[] = [];
    if (!x) changes.push(`added in ${nameB}`);
    else if (!y) changes.push(`removed in ${nameB}`);
    else {
      if (x.item.pressure !== y.item.pressure) changes.push(`pressure ${x.item.pressure} → ${y.item.pressure}`);
      if (x.item.minutes !== y.item.minutes) changes.push(`minutes ${x.item.minutes} → ${y.item.minutes}`);
      const tx = targetsText(catalogue, x.item.targets);
      const ty = targetsText(catalogue, y.item.targets);
      if (tx !== ty) changes.push('targets changed');
    }
    rows.push({
      label,
      a: x ? itemText(catalogue, x.item) : null,
      b: y ? itemText(catalogue, y.item) : null,
      changes,
    });
  }
  return rows;
}
