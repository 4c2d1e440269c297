// A patient's whole record as one printable document: who they are and every
// change of their details (earlier values kept), consent,
// every assessment with its history, corrections and screening, the plan
// versions, referrals and every session note in full with its versions,
// oldest first as a record reads.
// Read-only; each part comes from the same routes the chart uses.
import { useEffect, useState } from 'preact/hooks';
import {
  get, type AssessmentRecord, type ConsentAnswer, type NoteRecord, type Page, type Patient,
  type PatientDetailsHistory, type PlanRecord, type Referral, type SessionNoteRecord,
} from '../api';
import { ErrorBox, Link, Loading, TriageBadge, shortDate } from '../components/common';
import { consentText } from '../components/ConsentPanel';
import { ChangeList } from '../components/PatientDetails';
import { NoteDocument } from '../components/NoteDocument';
import { URGENCY_TEXT } from '../components/ReferralPanel';
import { ResultView } from '../components/ResultView';
import { CorrectionNote, assessmentTitle } from '../components/AssessmentVersions';
import { HistoryList, hasHistory, historyOf } from '../components/IntakeHistoryView';
import { bornText } from '../time';

interface WholeRecord {
  patient: Patient;
  details: PatientDetailsHistory;
  consent: ConsentAnswer;
  assessments: AssessmentRecord[];
  plans: PlanRecord[];
  referrals: Referral[];
  notes: NoteRecord[];
}

async function readRecord(id: number): Promise<WholeRecord> {
  const [patient, details, consent, assessments, plans, referrals, sessions] = await Promise.all([
    get<Patient>(`/api/v1/patients/${id}`),
    get<PatientDetailsHistory>(`/api/v1/patients/${id}/history`),
    get<ConsentAnswer>(`/api/v1/patients/${id}/consents`),
    get<{ items: AssessmentRecord[] }>(`/api/v1/patients/${id}/assessments`),
    get<{ items: PlanRecord[] }>(`/api/v1/patients/${id}/plans`),
    get<{ items: Referral[] }>(`/api/v1/patients/${id}/referrals`),
    get<Page<SessionNoteRecord>>(`/api/v1/patients/${id}/sessions?limit=100`),
  ]);
  const notes = await Promise.all(sessions.items.map((s) => get<NoteRecord>(`/api/v1/sessions/${s.id}`)));
  const oldestFirst = <T extends { id: number }>(list: T[]) => [...list].sort((a, b) => a.id - b.id);
  return {
    patient, details, consent, assessments: oldestFirst(assessments.items), plans: oldestFirst(plans.items),
    referrals: oldestFirst(referrals.items), notes: oldestFirst(notes),
  };
}

const PLAN_STATUS: Record<string, string> = {
  draft: 'draft', approved: 'approved', superseded: 'replaced by a later version', suspended: 'suspended by a referral',
};

export function WholeRecordPage(props: { patientId: number }) {
  const [record, setRecord] = useState<WholeRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    readRecord(props.patientId).then(setRecord).catch(setError);
  }, [props.patientId]);
  if (error) return <ErrorBox error={error} />;
  if (!record) return <Loading what="the whole record" />;
  const { patient } = record;
  const name = `${patient.given_name} ${patient.family_name}`;
  return (
    <section class="whole-record" aria-labelledby="record-title" data-testid="whole-record">
      <div class="page-head">
        <h1 id="record-title">Clinical record: {name}</h1>
        <div class="actions no-print">
          <Link href={`/patients/${patient.id}`} class="button secondary">Back to the chart</Link>
          <button type="button" onClick={() => window.print()}>Print</button>
        </div>
      </div>
      <p>
        Born {bornText(patient.date_of_birth)}; printed {shortDate(new Date().toISOString())}.
      </p>

      <h2 id="record-details-title">Changes to details</h2>
      <ChangeList history={record.details} labelledBy="record-details-title" />

      <h2>Consent</h2>
      <p>{consentText(record.consent.current)}</p>

      <h2>Assessments</h2>
      {record.assessments.length === 0 ? <p>No assessment recorded.</p> : record.assessments.map((a) => (
        <article key={a.id} class="record-part">
          <h3>
            {assessmentTitle(a)} <TriageBadge triage={a.triage} />
          </h3>
          <CorrectionNote assessment={a} all={record.assessments} />
          {hasHistory(historyOf(a.intake)) && <HistoryList history={historyOf(a.intake)} />}
          {a.result && <ResultView result={a.result} headingLevel={3} />}
        </article>
      ))}

      <h2>Plan versions</h2>
      {record.plans.length === 0 ? <p>No plan recorded.</p> : (
        <ul>
          {record.plans.map((p) => (
            <li key={p.id}>
              Version {p.version_no}: {PLAN_STATUS[p.status] ?? p.status}
              {p.approved_at ? `, approved on ${shortDate(p.approved_at)}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>Referrals</h2>
      {record.referrals.length === 0 ? <p>No referral.</p> : (
        <ul>
          {record.referrals.map((r) => (
            <li key={r.id}>
              {URGENCY_TEXT[r.urgency]} on {shortDate(r.opened_at)}: {r.flags.map((f) => f.reason).join('; ')}
              {r.status === 'closed' ? ' (closed)' : ''}{r.cleared ? ' (cleared for massage)' : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>Session notes</h2>
      {record.notes.length === 0 ? <p>No session note yet.</p> : record.notes.map((n) => (
        <article key={n.id} class="record-part" data-testid="record-note">
          <h3>Session of {shortDate(n.occurred_at)}</h3>
          <NoteDocument note={n} headingLevel={3} />
        </article>
      ))}
    </section>
  );
}
