// The patient's chart for clinicians: facts, the course (sessions done and
// left), progress charts with their tables, a timeline of assessments, plan
// versions and approvals and sessions (newest first), the free-text history of
// the latest assessment, and the assessments with their corrections and full result.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError, get, type AssessmentRecord, type ChartAnswer, type ConsentAnswer, type Patient, type PlanRecord, type Referral,
} from '../api';
import { ErrorBox, Link, Loading, TriageBadge, ageFrom, lowerFirst, shortDate } from '../components/common';
import { NotesList } from '../components/NotesList';
import { ProgressCharts } from '../components/Progress';
import { PatientDetails } from '../components/PatientDetails';
import { PortalAccess, type PortalAccessAnswer } from '../components/PortalAccess';
import { WaitingListEntry } from '../components/WaitingListEntry';
import { CoursePanel } from '../components/CoursePanel';
import { CourseSummary } from '../components/CourseSummary';
import { ConsentPanel } from '../components/ConsentPanel';
import { ReferralPanel } from '../components/ReferralPanel';
import { ResultView } from '../components/ResultView';
import { CorrectionNote, assessmentTitle } from '../components/AssessmentVersions';
import { HistoryList, hasHistory, historyOf } from '../components/IntakeHistoryView';
import { bornText } from '../time';

interface TimelineEvent {
  at: string;
  key: string;
  kind: string;
  text: string;
  assessmentId?: number;
  triage?: string;
  deviations?: number; // A session recorded with acknowledged departures from screening.
  sessionId?: number;
}

function pain(label: string, before: number | null, after: number | null) {
  if (before === null && after === null) return '';
  return `${label} ${before ?? '–'} → ${after ?? '–'}`;
}

function timeline(chart: ChartAnswer): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const a of chart.assessments) {
    const s = a.scores ?? {};
    const parts = [
      s.nrs_leg !== undefined ? `leg pain ${s.nrs_leg}` : '',
      s.nrs_back !== undefined ? `back pain ${s.nrs_back}` : '',
      s.odi?.percent != null ? `Oswestry ${s.odi.percent}%` : '',
      s.sbi?.total != null ? `SBI ${s.sbi.total}` : '',
      s.startback?.risk ? `STarT Back ${s.startback.risk} risk` : '',
    ].filter(Boolean);
    if (a.kind === 'portal') {
      events.push({ at: a.at, key: `a${a.id}`, kind: 'Questionnaire', text: `Answered in the portal: ${parts.join(', ') || 'no scores'}` });
    } else {
      const what = a.kind === 'reassessment' ? 'Reassessment' : 'Intake assessment';
      events.push({ at: a.at, key: `a${a.id}`, kind: what, text: parts.join(', '), assessmentId: a.id, triage: a.triage });
    }
  }
  for (const p of chart.plans) {
    events.push({ at: p.created_at, key: `p${p.id}`, kind: 'Plan', text: `Version ${p.version_no} drafted (now ${p.status})` });
    if (p.approved_at) events.push({ at: p.approved_at, key: `pa${p.id}`, kind: 'Approval', text: `Plan version ${p.version_no} approved` });
  }
  for (const s of chart.sessions) {
    const parts = [pain('leg pain', s.leg_pain_before, s.leg_pain_after), pain('back pain', s.back_pain_before, s.back_pain_after)].filter(Boolean);
    if (s.adverse_events) parts.push(`${s.adverse_events} adverse event${s.adverse_events === 1 ? '' : 's'}`);
    events.push({ at: s.at, key: `s${s.id}`, kind: 'Session', text: parts.join('; ') || 'no pain rating', deviations: s.deviations, sessionId: s.id });
  }
  return events.sort((x, y) => y.at.localeCompare(x.at));
}

function Facts(props: { patient: Patient; children?: ComponentChildren }) {
  const p = props.patient;
  return (
    <dl class="facts">
      <dt>Date of birth</dt>
      <dd>
        {bornText(p.date_of_birth)} (age {ageFrom(p.date_of_birth) ?? '–'})
      </dd>
      <dt>Sex</dt>
      <dd>{p.sex}</dd>
      {p.phone && (
        <>
          <dt>Phone</dt>
          <dd>{p.phone}</dd>
        </>
      )}
      {p.email && (
        <>
          <dt>Email</dt>
          <dd>{p.email}</dd>
        </>
      )}
      {props.children}
    </dl>
  );
}

export function PatientPage(props: { patientId: number }) {
  const id = props.patientId;
  const [chart, setChart] = useState<ChartAnswer | null>(null);
  const [assessments, setAssessments] = useState<AssessmentRecord[] | null>(null);
  const [plans, setPlans] = useState<PlanRecord[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [factsOnly, setFactsOnly] = useState<Patient | null>(null);
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [reload, setReload] = useState(0);
  const [panels, setPanels] = useState<{ consents: ConsentAnswer; portal: PortalAccessAnswer } | null>(null);
  const [courseBooked, setCourseBooked] = useState(0);

  useEffect(() => {
    Promise.all([
      get<ChartAnswer>(`/api/v1/patients/${id}/chart`),
      get<{ items: AssessmentRecord[] }>(`/api/v1/patients/${id}/assessments`),
      get<{ items: PlanRecord[] }>(`/api/v1/patients/${id}/plans`),
      get<{ items: Referral[] }>(`/api/v1/patients/${id}/referrals`),
      // Read with the chart so that their panels are drawn with it, not after.
      get<ConsentAnswer>(`/api/v1/patients/${id}/consents`),
      get<PortalAccessAnswer>(`/api/v1/patients/${id}/portal-access`),
    ])
      .then(([c, a, pl, rf, cs, pa]) => {
        setChart(c);
        setPanels({ consents: cs, portal: pa });
        setReferrals(rf.items);
        // Portal answers carry scores only; they show in the timeline and tables.
        const items = a.items.filter((x) => x.kind !== 'portal').sort((x, y) => y.id - x.id);
        setAssessments(items);
        setPlans(pl.items);
        if (items.length && reload === 0) setShown(items[0].id);
      })
      .catch((e) => {
        // The front desk may not read clinical records; it still sees who the patient is.
        if (e instanceof ApiError && e.status === 403) {
          get<Patient>(`/api/v1/patients/${id}`).then(setFactsOnly).catch(setError);
        } else {
          setError(e);
        }
      });
  }, [id, reload]);

  if (error) return <ErrorBox error={error} />;
  if (factsOnly) {
    return (
      <section aria-labelledby="patient-title">
        <h1 id="patient-title">
          {factsOnly.given_name} {factsOnly.family_name}
        </h1>
        <Facts patient={factsOnly} />
        <CourseSummary patientId={factsOnly.id} reload={courseBooked} />
        <p>The clinical record (assessments, plans, sessions and progress) is for therapists only.</p>
        <CoursePanel patientId={factsOnly.id} patientName={`${factsOnly.given_name} ${factsOnly.family_name}`}
          onBooked={() => setCourseBooked((n) => n + 1)} />
        <PatientDetails patient={factsOnly} onChanged={setFactsOnly} />
        <PortalAccess patient={factsOnly} />
        <WaitingListEntry patientId={factsOnly.id} patientName={`${factsOnly.given_name} ${factsOnly.family_name}`} />
      </section>
    );
  }
  if (!chart || !assessments) return <Loading what="the patient" />;
  const patient = chart.patient;
  const current = assessments.find((a) => a.id === shown) ?? null;
  const plan = current ? plans.find((p) => p.assessment_id === current.id) ?? null : null;
  const course = chart.current_plan;
  const events = timeline(chart);
  const suspended = plans.find((p) => p.status === 'suspended');
  // The newest screening's history: a correction's when one was made.
  const latest = assessments[0] ?? null;
  const history = historyOf(latest?.intake);

  const showResult = (assessmentId: number) => {
    setShown(assessmentId);
    requestAnimationFrame(() => document.getElementById('assessments-title')?.scrollIntoView());
  };

  return (
    <section aria-labelledby="patient-title" class="patient-chart">
      <div class="page-head">
        <h1 id="patient-title">
          {patient.given_name} {patient.family_name}
        </h1>
        <div class="actions no-print">
          <Link href={`/patients/${id}/sessions/new`} class="button">
            New session note
          </Link>
          <Link href={`/patients/${id}/plan`} class="button secondary">
            Review plan
          </Link>
          <Link href={`/patients/${id}/intake`} class="button secondary">
            New intake
          </Link>
          <Link href={`/patients/${id}/record`} class="button secondary">
            Whole record
          </Link>
        </div>
      </div>
      <Facts patient={patient}>
        <dt>Course</dt>
        <dd data-testid="course">
          {course
            ? `${course.sessions_done} of ${course.sessions_planned} sessions of the approved plan done, ${course.sessions_left} left`
            : 'No approved plan yet'}
        </dd>
      </Facts>
      <CourseSummary patientId={patient.id} reload={courseBooked} />
      {patient.notes && <p class="notes">{patient.notes}</p>}
      {latest && hasHistory(history) && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <p class="muted">As written at the {lowerFirst(assessmentTitle(latest))}.</p>
          <HistoryList history={history} testId="chart-history" />
        </section>
      )}
      {suspended && (
        <p role="alert" class="alert-danger" data-testid="plan-suspended">
          Plan version {suspended.version_no} is suspended by the referral raised at {suspended.suspended_by}: no
          hands-on treatment until the referral is lifted and a new assessment's plan is approved.
        </p>
      )}
      <ReferralPanel referrals={referrals} onChanged={() => setReload((n) => n + 1)} />
      <PatientDetails patient={patient} onChanged={() => setReload((n) => n + 1)} />
      <ConsentPanel patientId={patient.id} initial={panels?.consents} />
      <PortalAccess patient={patient} initial={panels?.portal} />
      <WaitingListEntry patientId={patient.id} patientName={`${patient.given_name} ${patient.family_name}`} />
      <CoursePanel patientId={patient.id} patientName={`${patient.given_name} ${patient.family_name}`}
        onBooked={() => setCourseBooked((n) => n + 1)} />

      <h2>Progress</h2>
      <ProgressCharts chart={chart} headingLevel={3} />

      <NotesList patientId={id} />

      <h2 id="timeline-title">Timeline</h2>
      {events.length === 0 ? (
        <p>Nothing recorded yet. Start with a new intake.</p>
      ) : (
        <ol class="timeline" aria-labelledby="timeline-title" data-testid="timeline">
          {events.map((e) => (
            <li key={e.key}>
              <time dateTime={e.at}>{shortDate(e.at)}</time> <strong>{e.kind}</strong>
              {e.triage && (
                <>
                  {' '}
                  <TriageBadge triage={e.triage} />
                </>
              )}
              {e.text && <span> {e.text}</span>}
              {e.sessionId !== undefined && (
                <>
                  {' '}
                  <Link href={`/sessions/${e.sessionId}`}>Open the note</Link>
                </>
              )}
              {e.deviations ? (
                <>
                  {' '}
                  <span class="deviation-flag" data-testid="deviation-flag">
                    <Link href={`/patients/${id}/sessions/${e.sessionId}`}>⚠ departed from screening ({e.deviations})</Link>
                  </span>
                </>
              ) : null}
              {e.assessmentId !== undefined && (
                <>
                  {' '}
                  <button type="button" class="linklike" onClick={() => showResult(e.assessmentId!)}>
                    Show result
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}

      <h2 id="assessments-title">Assessments</h2>
      {assessments.length === 0 ? (
        <p>No assessment yet. Start with a new intake.</p>
      ) : (
        <ul class="assessment-list" data-testid="assessment-list">
          {assessments.map((a) => (
            <li key={a.id}>
              <button type="button" class="linklike" aria-pressed={a.id === shown} onClick={() => setShown(a.id)}>
                {assessmentTitle(a)}
              </button>{' '}
              <TriageBadge triage={a.triage} />
              {a.id === assessments[0].id && (
                <>
                  {' '}
                  <Link href={`/patients/${id}/assessments/${a.id}/correct`} class="no-print">
                    Correct this assessment
                  </Link>
                </>
              )}
              <CorrectionNote assessment={a} all={assessments} />
            </li>
          ))}
        </ul>
      )}
      {current?.result && <ResultView result={current.result} planRecord={plan} headingLevel={2} />}
    </section>
  );
}
