// The server's refusals shown where they belong: each problem next to the
// control its field names (aria-invalid + aria-describedby), and a summary
// that says nothing was saved and lists every problem in plain words.
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api';
import { plainMessage } from '../plainWords';

export interface Problem {
  field: string;
  message: string;
}

// Every problem in a refusal; a single {field, message} error counts as one.
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  if (error.problems.length) return error.problems;
  return [{ field: error.field, message: error.message }];
}

// The server's messages name ids ("deep_tissue", "lower_back"); shown as words.
export const plain = plainMessage;

export function refusalId(field: string) {
  return `refusal-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

// Props for a control whose field may have been refused.
export function fieldProps(problems: Problem[], field: string) {
  const refused = problems.some((p) => p.field === field);
  return refused ? { 'aria-invalid': true as const, 'aria-describedby': refusalId(field) } : {};
}

// The refusal under one control, or nothing.
export function FieldRefusal(props: { problems: Problem[]; field: string }) {
  const mine = props.problems.filter((p) => p.field === props.field);
  if (!mine.length) return null;
  return (
    <p class="field-refusal" id={refusalId(props.field)} data-field={props.field}>
      <span aria-hidden="true">⚠ </span>
      <strong>Refused:</strong> {mine.map((p) => plain(p.message)).join('; ')}
    </p>
  );
}

// The heading of a refusal: nothing was saved, and every problem in words.
export function RefusalSummary(props: {
  error: unknown;
  what: string;
  describe: (field: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.error) ref.current?.focus();
  }, [props.error]);
  if (!props.error) return null;
  const problems = problemsOf(props.error);
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <div class="error-box refusal-summary" role="alert" tabIndex={-1} ref={ref} data-testid="refusal">
      <strong>
        The server refused {props.what}. Nothing was saved.
      </strong>
      {problems.length ? (
        <ul>
          {problems.map((p, i) => (
            <li key={i} data-field={p.field}>
              {p.field ? <>{props.describe(p.field)}: </> : null}
              {plain(p.message)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{plain(message)}</p>
      )}
    </div>
  );
}
