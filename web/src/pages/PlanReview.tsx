// Plan review: the therapist edits a plan version within the limits screening
// set (shown first), saves the edit as a new version (the server checks it
// and refuses, field by field, what screening forbids; nothing is saved
// then), compares versions side by side and approves one, confirming any
// medical clearance it needs.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiError, get, request, type AssessmentRecord, type AssessmentResult, type Knowledge, type Patient,
  type PlanVersion,
} from '../api';
import { ErrorBox, Link, Loading, shortDate, words } from '../components/common';
import { PlanCompare } from '../components/PlanCompare';
import { PlanEditor } from '../components/PlanEditor';
import { FieldRefusal, RefusalSummary, fieldProps, problemsOf } from '../components/Refusals';
import { describePlanField, draftFromPlan, regionLabel, revisionBody, techniqueLabel, type DraftPlan } from '../components/planDraft';
import { loadKnowledge } from '../knowledge';

function ScreeningLimits(props: { result: AssessmentResult; catalogue: Knowledge }) {
  const c = props.result.constraints;
  // One line per limit, with every region it covers.
  const caps = new Map<string, string[]>();
  for (const cap of c.pressure_caps) {
    const key = `${cap.max}|${cap.reason}`;
    caps.set(key, [...(caps.get(key) ?? []), regionLabel(props.catalogue, cap.region).toLowerCase()]);
  }
  const avoided = new Map<string, string[]>();
  for (const a of c.avoid_regions) {
    const key = `${a.side}|${a.reason}`;
    avoided.set(key, [...(avoided.get(key) ?? []), regionLabel(props.catalogue, a.region).toLowerCase()]);
  }
  return (
    <section class="card limits" aria-labelledby="limits-title" data-testid="limits">
      <h2 id="limits-title">Limits from screening</h2>
      <p class="muted small">A revision that crosses one of these is refused by the server.</p>
      <ul>
        {[...caps.entries()].map(([key, regions]) => {
          const [max, reason] = key.split('|');
          return (
            <li key={key}>
              Pressure at most <strong>{max}</strong> on {regions.join(', ')}: {reason}.
            </li>
          );
        })}
        {[...avoided.entries()].map(([key, regions]) => {
          const [side, reason] = key.split('|');
          return (
            <li key={key}>
              Do not work {side === 'both' ? 'either side of' : `the ${side} side of`} the{' '}
              <strong>{regions.join(', ')}</strong>: {reason}.
            </li>
          );
        })}
        {c.excluded_techniques.map((x) => (
          <li key={x.technique}>
            No <strong>{techniqueLabel(props.catalogue, x.technique).toLowerCase()}</strong>: {x.reason}.
          </li>
        ))}
        {!c.oils_allowed && <li>No scented, essential or nut oils.</li>}
        {c.no_heat && <li>No heat packs or hot stones.</li>}
        {c.position && <li>Position: {words(c.position)}.</li>}
      </ul>
    </section>
  );
}

interface Clearance {
  by: string;
  role: string;
  date: string;
}

function ApprovePanel(props: { version: PlanVersion; unsaved: boolean; onApproved: () => void }) {
  const v = props.version;
  const plan = v.plan;
  const [confirmed, setConfirmed] = useState(false);
  // One clearance per kind the plan needs ("physician clearance: ..." names its kind):
  // the server refuses one clearance standing for two kinds. Each records who
  // gave it, their role and its date.
  const [given, setGiven] = useState<Record<string, Clearance>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!plan) return null;
  const clearances = plan.clearances ?? [];
  const kinds = [...new Set(clearances.map((c) => c.split(' clearance:')[0]))];
  const of = (kind: string) => given[kind] ?? { by: '', role: '', date: '' };
  const setOf = (kind: string, patch: Partial<Clearance>) =>
    setGiven({ ...given, [kind]: { ...of(kind), ...patch } });
  // The role is optional to the API (older clients send none): sent when given.
  const body = kinds.length === 0 ? {}
    : { clearances: kinds.map((kind) => { const { role, ...rest } = of(kind); return { kind, ...rest, ...(role.trim() ? { role } : {}) }; }) };
  const fieldOf = (i: number, key: keyof Clearance) => `clearances[${i}].${key}`;
  const problems = problemsOf(error);
  const local = clearances.length && !confirmed
    ? [{ field: 'clearance.confirmed', message: 'confirm that you have seen the written clearance' }]
    : [];

  const approve = async () => {
    setError(null);
    if (local.length) {
      setError(new ApiError(0, 'clearance.confirmed', local[0].message));
      return;
    }
    setBusy(true);
    try {
      await request('POST', `/api/v1/plans/${v.id}/approve`, body, {
        'If-Match': `"${v.version}"`,
      });
      props.onApproved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card approve" aria-labelledby="approve-title" data-testid="approve">
      <h2 id="approve-title">Approve version {v.version_no}</h2>
      {props.unsaved && (
        <p class="blockers" data-testid="unsaved">
          The editor above has changes that are not saved. Approval covers version {v.version_no} as it was saved; save
          the changes first to approve them.
        </p>
      )}
      {plan.approval_blockers.length > 0 && (
        <div class="blockers">
          <h3>Before this plan can be approved</h3>
          <ul>
            {plan.approval_blockers.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      {clearances.length > 0 && (
        <fieldset class="clearance">
          <legend>Medical clearance</legend>
          <ul>
            {clearances.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
          <label class="choice">
            <input type="checkbox" checked={confirmed} {...fieldProps(problems, 'clearance.confirmed')}
              onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            I have seen the written clearance
          </label>
          <FieldRefusal problems={problems} field="clearance.confirmed" />
          {kinds.map((kind, i) => {
            const suffix = kinds.length === 1 ? '' : `-${i}`;
            const whose = kinds.length === 1 ? '' : ` (${kind})`;
            return (
              <div class="grid-3" key={kind}>
                <div class="field">
                  <label for={`clearance-by${suffix}`}>Cleared by (name){whose}</label>
                  <input id={`clearance-by${suffix}`} value={of(kind).by} {...fieldProps(problems, fieldOf(i, 'by'))}
                    onInput={(e) => setOf(kind, { by: e.currentTarget.value })} />
                  <FieldRefusal problems={problems} field={fieldOf(i, 'by')} />
                </div>
                <div class="field">
                  <label for={`clearance-role${suffix}`}>Their role{whose}</label>
                  <input id={`clearance-role${suffix}`} value={of(kind).role} placeholder="e.g. GP, obstetrician"
                    {...fieldProps(problems, fieldOf(i, 'role'))} onInput={(e) => setOf(kind, { role: e.currentTarget.value })} />
                  <FieldRefusal problems={problems} field={fieldOf(i, 'role')} />
                </div>
                <div class="field">
                  <label for={`clearance-date${suffix}`}>Date of the clearance{whose}</label>
                  <input id={`clearance-date${suffix}`} type="date" value={of(kind).date} {...fieldProps(problems, fieldOf(i, 'date'))}
                    onInput={(e) => setOf(kind, { date: e.currentTarget.value })} />
                  <FieldRefusal problems={problems} field={fieldOf(i, 'date')} />
                </div>
              </div>
            );
          })}
        </fieldset>
      )}
      {error && !problems.some((p) => p.field.startsWith('clearance')) ? <ErrorBox error={error} /> : null}
      <div class="actions">
        <button type="button" onClick={approve} disabled={busy}>
          {busy ? 'Approving…' : `Approve version ${v.version_no}`}
        </button>
      </div>
    </section>
  );
}

export function PlanReviewPage(props: { patientId: number }) {
  const id = props.patientId;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [catalogue, setCatalogue] = useState<Knowledge | null>(null);
  const [assessments, setAssessments] = useState<AssessmentRecord[]>([]);
  const [versions, setVersions] = useState<PlanVersion[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<DraftPlan | null>(null);
  const [compare, setCompare] = useState<[number, number] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  const loadVersions = async (select?: number) => {
    const list = (await get<{ items: PlanVersion[] }>(`/api/v1/patients/${id}/plans`)).items
      .slice()
      .sort((x, y) => x.version_no - y.version_no);
    setVersions(list);
    const chosen = list.find((v) => v.id === select) ?? list[list.length - 1];
    if (chosen) {
      setSelected(chosen.id);
      setDraft(chosen.plan ? draftFromPlan(chosen.plan) : null);
    }
    if (list.length >= 2) setCompare([list[list.length - 2].id, list[list.length - 1].id]);
    return list;
  };

  useEffect(() => {
    Promise.all([
      get<Patient>(`/api/v1/patients/${id}`),
      loadKnowledge(),
      get<{ items: AssessmentRecord[] }>(`/api/v1/patients/${id}/assessments`),
      loadVersions(),
    ])
      .then(([p, k, a]) => {
        setPatient(p);
        setCatalogue(k);
        setAssessments(a.items);
      })
      .catch(setLoadError);
  }, [id]);

  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  if (loadError) return <ErrorBox error={loadError} />;
  if (!patient || !catalogue || !versions) return <Loading what="the plan" />;
  const name = `${patient.given_name} ${patient.family_name}`;
  const head = (
    <div class="page-head">
      <h1 id="review-title">Plan review: {name}</h1>
      <Link href={`/patients/${id}`} class="button secondary">
        Back to patient
      </Link>
    </div>
  );
  const version = versions.find((v) => v.id === selected) ?? null;
  if (!version || !version.plan || !draft) {
    return (
      <section aria-labelledby="review-title">
        {head}
        <p>No plan yet. An intake that screening clears drafts one.</p>
        <Link href={`/patients/${id}/intake`} class="button">
          New intake
        </Link>
      </section>
    );
  }
  const assessment = assessments.find((a) => a.id === version.assessment_id);
  const problems = problemsOf(saveError);
  const approved = versions.find((v) => v.status === 'approved');
  const unsaved = JSON.stringify(revisionBody(draft)) !== JSON.stringify(revisionBody(draftFromPlan(version.plan)));

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    setStatus('');
    try {
      const answer = await request<PlanVersion>('POST', `/api/v1/plans/${version.id}/revisions`, revisionBody(draft), {
        'If-Match': `"${version.version}"`,
      });
      await loadVersions(answer.data.id);
      setCompare([version.id, answer.data.id]);
      setStatus(`Saved as version ${answer.data.version_no} (a draft). Compare it with version ${version.version_no} below.`);
    } catch (err) {
      setSaveError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="review-title">
      {head}
      <p class="presented-as">{version.plan.presented_as}</p>
      <p ref={statusRef} tabIndex={-1} role="status" class={status ? 'saved-status' : 'visually-hidden'}>
        {status}
      </p>
      {approved && (
        <p class="approved-line" data-testid="approved-line">
          <strong>Approved plan:</strong> version {approved.version_no}
          {approved.approved_at ? `, approved ${shortDate(approved.approved_at)}` : ''}.{' '}
          <Link href={`/patients/${id}/sessions/new`}>Write a session note from it</Link>
        </p>
      )}

      {assessment?.result && <ScreeningLimits result={assessment.result} catalogue={catalogue} />}

      <section class="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <table class="list versions-table" data-testid="versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Saved</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span class="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} aria-current={v.id === selected ? 'true' : undefined}>
                <td>{v.version_no}</td>
                <td>{v.status}</td>
                <td>{shortDate(v.created_at)}</td>
                <td>{v.plan?.revision_note ?? (v.plan?.edited_by_therapist ? 'edited' : 'drafted from the intake')}</td>
                <td>
                  {v.id === selected ? (
                    <strong>Open below</strong>
                  ) : (
                    <button type="button" class="linklike" onClick={() => {
                      setSelected(v.id);
                      setDraft(v.plan ? draftFromPlan(v.plan) : null);
                      setSaveError(null);
                    }}>
                      Open version {v.version_no}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <form class="card" aria-labelledby="edit-title" onSubmit={save} noValidate>
        <h2 id="edit-title">
          Edit version {version.version_no} ({version.status})
        </h2>
        <p class="muted small">Saving keeps this version and stores the edit as a new draft version.</p>
        <PlanEditor draft={draft} catalogue={catalogue} problems={problems}
          onChange={(next, structural) => {
            setDraft(next);
            // Field paths count items and targets: after adding or removing one they point elsewhere.
            if (structural) setSaveError(null);
          }} />
        <RefusalSummary error={saveError} what="this revision" describe={(f) => describePlanField(f, draft, catalogue)} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save as a new version'}
          </button>
          <button type="button" class="secondary" onClick={() => {
            setDraft(draftFromPlan(version.plan!));
            setSaveError(null);
          }}>
            Discard changes
          </button>
        </div>
      </form>

      {version.status === 'draft' && (
        <ApprovePanel key={version.id} version={version} unsaved={unsaved} onApproved={async () => {
          await loadVersions(version.id);
          setStatus(`Version ${version.version_no} is approved. Session notes now start from it.`);
        }} />
      )}

      <section class="card" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare versions</h2>
        <PlanCompare versions={versions} catalogue={catalogue} initial={compare} />
      </section>
    </section>
  );
}
