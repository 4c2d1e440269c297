// The work done of a session note as the form edits it: one row per technique
// at one pressure for some minutes, on one or several regions (each with its
// side). A row of one region is sent as notes always were ("region", "side");
// a row of several as "targets" (the server checks each region as a row of
// its own). A note prefilled from a plan gets one row per planned item, with
// the item's regions and minutes, so the rows add up to what the plan gave.
import type { PlanVersion, SessionTechnique } from '../api';
import { newKey } from '../components/planDraft';
import { numberOrText } from './numberOrText';

export interface Target {
  region: string;
  side: string;
}

export interface WorkRow {
  key: number;
  technique: string;
  targets: Target[];
  pressure: number;
  minutes: string; // As typed; the server names a bad one.
}

// The regions of a stored row, in either of its forms.
export function targetsOf(t: SessionTechnique): Target[] {
  if (t.targets && t.targets.length > 0) return t.targets.map((g) => ({ region: g.region, side: g.side }));
  return t.region ? [{ region: t.region, side: t.side ?? 'both' }] : [];
}

export function rowsFromPlan(plan: PlanVersion['plan']): WorkRow[] {
  if (!plan) return [];
  return plan.techniques.map((t) => ({
    key: newKey(),
    technique: t.technique,
    targets: t.targets.map((g) => ({ region: g.region, side: g.side })),
    pressure: t.pressure,
    minutes: String(t.minutes),
  }));
}

export function rowsFromNote(techniques: SessionTechnique[] | null | undefined): WorkRow[] {
  return (techniques ?? []).map((t) => ({
    key: newKey(), technique: t.technique, targets: targetsOf(t), pressure: t.pressure, minutes: String(t.minutes),
  }));
}

export function techniquesBody(rows: WorkRow[]) {
  return rows.map((r) => {
    const common = { technique: r.technique, pressure: r.pressure, minutes: numberOrText(r.minutes) };
    return r.targets.length === 1
      ? { ...common, region: r.targets[0].region, side: r.targets[0].side }
      : { ...common, targets: r.targets };
  });
}

// The regions of a row in words: "lower back (midline), calf (left)".
export function targetWords(targets: Target[], words: (id: string) => string): string {
  return targets.map((t) => `${words(t.region)} (${words(t.side)})`).join(', ');
}

export const regionsOfRows = (rows: WorkRow[]) => rows.flatMap((r) => r.targets.map((t) => t.region));

// The rows' minutes added up; minutes not (yet) a whole number count as none.
export function totalMinutes(rows: WorkRow[]): number {
  return rows.reduce((n, r) => n + (/^\d+$/.test(r.minutes.trim()) ? Number(r.minutes) : 0), 0);
}
