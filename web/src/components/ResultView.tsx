// An assessment as the therapist reads it: the screening result FIRST (a
// referral is shown unmistakably, with what to do, and no plan is offered),
// then the draft plan with each technique's targets, pressure, minutes,
// reasons and evidence grade, and a way into its review while it is a draft.
import type { AssessmentResult, Evidence, Plan, PlanRecord } from '../api';
import { Link, TriageBadge, isReferral, words } from './common';
import { measureName } from './measureNames';

// How soon a red flag needs a doctor, in a clinician's words (never its id).
const URGENCY_WORDS: Record<string, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  routine_gp: 'GP review',
  note: 'Note',
};

const GRADE_TEXT: Record<string, string> = {
  moderate: 'moderate',
  low: 'low',
  very_low: 'very low',
  expert: 'expert opinion',
  none: 'no evidence',
  guideline: 'guideline, no grade given',
  therapist: "therapist's reasoning",
};

export function EvidenceTag(props: { evidence: Evidence }) {
  const e = props.evidence;
  return (
    <p class="evidence">
      <span class={`grade grade-${e.grade}`}>Evidence: {GRADE_TEXT[e.grade] ?? e.grade}</span>{' '}
      <span class="evidence-title">{e.title}</span>
      {e.summary && <span class="evidence-summary"> — {e.summary}</span>}
    </p>
  );
}

function Screening(props: { result: AssessmentResult; H: 'h2' | 'h3' }) {
  const r = props.result;
  const H = props.H;
  const Sub = H === 'h2' ? 'h3' : 'h4';
  const referred = isReferral(r.triage);
  return (
    <section class={`screening ${referred ? 'screening-referral' : 'screening-clear'}`} aria-labelledby="screening-title"
      data-testid="screening">
      <H id="screening-title">Screening result</H>
      <p class="triage-line">
        <TriageBadge triage={r.triage} />
      </p>
      {referred && (
        <div class="referral" role="alert" data-testid="referral">
          <p class="referral-head">Refer — do not treat. No massage plan is offered.</p>
          <p class="referral-action">
            <strong>What to do now:</strong> {r.referral?.action}
          </p>
        </div>
      )}
      {r.red_flags.length > 0 && (
        <>
          <Sub>Red flags</Sub>
          <ul>
            {r.red_flags.map((f) => (
              <li key={f.id}>
                <strong>{URGENCY_WORDS[f.urgency] ?? words(f.urgency)}</strong>
                {f.from_body_map ? ' (from the body map)' : ''}: {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Sub>Why</Sub>
      <ul>
        {r.reasons.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
      {r.pattern?.summary && (
        <p>
          <strong>Body-map pattern (not a diagnosis):</strong> {r.pattern.summary}
        </p>
      )}
    </section>
  );
}

function PlanView(props: { plan: Plan; record: PlanRecord | null; H: 'h2' | 'h3' }) {
  const { plan, record, H } = props;
  const Sub = H === 'h2' ? 'h3' : 'h4';
  return (
    <section class="plan" aria-labelledby="plan-title" data-testid="plan">
      <H id="plan-title">
        Draft plan{record ? ` (version ${record.version_no}, ${record.status})` : ''}
      </H>
      <p class="presented-as">{plan.presented_as}</p>
      {record?.status === 'draft' && (
        <p class="review-plan no-print">
          <Link href={`/patients/${record.patient_id}/plan`} class="button">
            Review plan
          </Link>{' '}
          <span class="muted">Change techniques, pressure, minutes or the course, then approve it.</span>
        </p>
      )}
      {plan.approval_blockers.length > 0 && (
        <div class="blockers">
          <Sub>Before this plan can be approved</Sub>
          <ul>
            {plan.approval_blockers.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <strong>Course:</strong> {plan.sessions.per_week} a week, {plan.sessions.count} sessions of{' '}
        {plan.sessions.minutes} minutes. {plan.sessions.because}
      </p>
      <ol class="techniques">
        {plan.techniques.map((t, i) => (
          <li key={i} class="technique card" data-testid="technique">
            <Sub>
              {t.label} <span class="muted">· pressure {t.pressure} ({t.pressure_label}) · {t.minutes} min</span>
            </Sub>
            <p>
              <strong>Targets:</strong>{' '}
              {t.targets.map((g) => `${g.muscle} (${g.side} ${words(g.region)})`).join('; ')}
            </p>
            <p class="because-title">
              <strong>Because</strong>
            </p>
            <ul class="because">
              {t.because.map((b, j) => (
                <li key={j}>{b}</li>
              ))}
            </ul>
            <EvidenceTag evidence={t.evidence} />
          </li>
        ))}
      </ol>
      {plan.excluded.length > 0 && (
        <>
          <Sub>Left out</Sub>
          <ul>
            {plan.excluded.map((x, i) => (
              <li key={i}>
                <strong>{words(x.technique)}</strong>: {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <strong>On the skin:</strong> {plan.lubricant}
        {plan.no_heat && ' No heat packs or hot stones.'}
        {plan.position && ` Position: ${words(plan.position)}.`}
      </p>
      {plan.cautions.length > 0 && (
        <>
          <Sub>Cautions</Sub>
          <ul>
            {plan.cautions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <Sub>With the massage (the active part of the package)</Sub>
      <ul>
        {plan.complements.map((c) => (
          <li key={c.id}>
            {c.text} <span class="muted">({c.because})</span> <EvidenceTag evidence={c.evidence} />
          </li>
        ))}
      </ul>
      <Sub>Reassess</Sub>
      <p>
        After session{plan.reassessment.after_sessions.length === 1 ? '' : 's'}{' '}
        {plan.reassessment.after_sessions.join(', ')}: {plan.reassessment.measures.map(measureName).join(', ')}.{' '}
        {plan.reassessment.responder} {plan.reassessment.if_not_met}
      </p>
      {plan.escalation.length > 0 && (
        <>
          <Sub>If things change</Sub>
          <ul>
            {plan.escalation.map((e, i) => (
              <li key={i}>
                {e.when}: {e.then} <span class="muted">({words(e.urgency)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ResultView(props: { result: AssessmentResult; planRecord?: PlanRecord | null; headingLevel?: 2 | 3 }) {
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const r = props.result;
  const plan = isReferral(r.triage) ? null : r.plan ?? props.planRecord?.plan ?? null;
  return (
    <div class="result">
      <Screening result={r} H={H} />
      {plan && <PlanView plan={plan} record={props.planRecord ?? null} H={H} />}
      <p class="muted small">Knowledge version {r.knowledge_version}</p>
    </div>
  );
}
