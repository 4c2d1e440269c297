import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api';
import { fieldLabel, plainMessage } from '../plainWords';
import { linkClick } from '../router';
import { clinicZone, dayText, zoneDate } from '../time';

export function Link(props: { href: string; class?: string; 'aria-label'?: string; children: ComponentChildren }) {
  return (
    <a href={props.href} class={props.class} aria-label={props['aria-label']} onClick={linkClick}>
      {props.children}
    </a>
  );
}

// A refusal or failure in the reader's words: the field by its label (never
// its API id) and the message without wire formats; data-field keeps the id
// for tests and styling.
export function ErrorBox(props: { error: unknown; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.error && props.focus !== false) ref.current?.focus();
  }, [props.error]);
  if (!props.error) return null;
  const e = props.error;
  const field = e instanceof ApiError ? e.field : '';
  const message = plainMessage(e instanceof Error ? e.message : String(e));
  return (
    <div class="error-box" role="alert" tabIndex={-1} ref={ref} data-field={field}>
      <strong>This could not be done.</strong>{' '}
      {field ? (
        <span>
          <span class="field">{fieldLabel(field)}</span>: {message}
        </span>
      ) : (
        <span>{message}</span>
      )}
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}

export const TRIAGE_TEXT: Record<string, string> = {
  treat: 'Treat',
  treat_with_precautions: 'Treat with precautions',
  refer_routine: 'Refer: GP review before a course',
  // How soon is the knowledge's to say (same-day flags: today), shown beside
  // the badge from the API's referral advice; the badge never retypes it.
  refer_urgent: 'Refer urgently: a doctor before any massage',
  refer_emergency: 'Emergency: hospital now',
};

export function TriageBadge(props: { triage: string }) {
  return <span class={`triage triage-${props.triage}`}>{TRIAGE_TEXT[props.triage] ?? props.triage}</span>;
}

export function isReferral(triage: string) {
  return triage.startsWith('refer_');
}

// A title inside a sentence ("the intake assessment of Fri 27 Nov 2026"):
// only its first letter drops to lower case, so the day keeps its capitals.
export function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function words(id: string) {
  return id.replace(/_/g, ' ');
}

export function ageFrom(dateOfBirth: string, now = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  let age = now.getFullYear() - Number(m[1]);
  const monthDiff = now.getMonth() + 1 - Number(m[2]);
  if (monthDiff < 0 || (monthDiff === 0 && now.getDate() < Number(m[3]))) age--;
  return age;
}

// The day of a server time ("2026-11-27T10:00:00Z") or a bare day
// ("2026-11-27") for people to read: "Fri 27 Nov 2026". A time is read on the
// clinic's calendar (a note written at 7 pm in Los Angeles is of that day,
// though it is the next day in UTC); text that is not a time is shown as it is.
export function shortDate(iso: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return dayText(iso);
  return Number.isNaN(new Date(iso).getTime()) ? iso : zoneDate(iso, clinicZone());
}
