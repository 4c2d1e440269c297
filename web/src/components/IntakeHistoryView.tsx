// The free-text history of an intake (presenting complaint, past history,
// medication, goals) as a clinician reads it: each written part under its
// label, nothing for a part left empty. Narrative only; never screened.
import type { IntakeHistory } from './intakeDocument';

export const HISTORY_LABELS: [keyof IntakeHistory, string][] = [
  ['presenting_complaint', 'Presenting complaint'],
  ['past_history', 'Past history'],
  ['medication', 'Medication'],
  ['goals', "Patient's goals"],
];

// The history member of a stored intake, with only the parts that hold text.
export function historyOf(intake: unknown): Partial<IntakeHistory> {
  const history = (intake as { history?: Record<string, unknown> } | null)?.history ?? {};
  const out: Partial<IntakeHistory> = {};
  for (const [key] of HISTORY_LABELS) {
    const text = history[key];
    if (typeof text === 'string' && text.trim() !== '') out[key] = text;
  }
  return out;
}

export function hasHistory(history: Partial<IntakeHistory>) {
  return HISTORY_LABELS.some(([key]) => (history[key] ?? '').trim() !== '');
}

export function HistoryList(props: { history: Partial<IntakeHistory>; testId?: string }) {
  return (
    <dl class="history-list" data-testid={props.testId}>
      {HISTORY_LABELS.filter(([key]) => (props.history[key] ?? '').trim() !== '').map(([key, label]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd class="notes">{props.history[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
