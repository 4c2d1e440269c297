// A session note on one screen, quick on a tablet: prefilled from the approved
// plan (or the latest version) with one row per planned technique and its
// regions, at its pressure and minutes, and the oils the plan allows; the
// therapist rates leg and back pain before and after, adjusts the work done,
// marks adverse events and writes the SOAP text, then saves and signs it in
// one step (or keeps it as a draft). Opened with a note id it edits that
// draft (PUT with If-Match). The server's refusals appear at the field they
// name. Work that departs from the patient's screening is refused at its row;
// the therapist may then record it anyway with a reason, kept with the note
// and audited.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, DEVIATIONS_FIELD, get, request, type Knowledge, type Patient, type PlanVersion, type SessionNoteRecord } from '../api';
import { ErrorBox, Link, Loading, shortDate, words } from '../components/common';
import { PainScale } from '../components/PainScale';
import { FieldRefusal, RefusalSummary, fieldProps, problemsOf, type Problem } from '../components/Refusals';
import { loadKnowledge } from '../knowledge';
import { navigate } from '../router';
import { ConsentBanner } from '../components/ConsentBanner';
import { ReferralBanner } from '../components/ReferralBanner';
import { WorkRows } from '../components/WorkRows';
import { AdverseEventsEditor } from '../components/AdverseEventsEditor';
import { DeviationPanel } from '../components/DeviationPanel';
import { regionsOfRows } from '../forms/workRows';
import { SESSION_RED_FLAGS, describeNoteField, noteBody, stateFromPlan, stateOfNote, type NoteState } from '../forms/noteForm';

const SOAP_FIELDS = [
  ['subjective', 'Subjective (what the patient reports)', 'subjective'],
  ['objective', 'Objective (what you found)', 'objective'],
  ['assessment', 'Assessment (your reading)', 'assessment'],
  ['plan_text', 'Plan (what comes next)', 'planText'],
] as const;

export function SessionNotePage(props: { patientId: number; sessionId?: number }) {
  const id = props.patientId;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [catalogue, setCatalogue] = useState<Knowledge | null>(null);
  const [plan, setPlan] = useState<PlanVersion | null>(null);
  const [existing, setExisting] = useState<SessionNoteRecord | null>(null);
  const [state, setState] = useState<NoteState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [departures, setDepartures] = useState<Problem[]>([]);

  useEffect(() => {
    Promise.all([
      get<Patient>(`/api/v1/patients/${id}`),
      loadKnowledge(),
      get<{ items: PlanVersion[] }>(`/api/v1/patients/${id}/plans`),
      props.sessionId ? get<SessionNoteRecord>(`/api/v1/sessions/${props.sessionId}`) : Promise.resolve(null),
    ])
      .then(([p, k, plans, note]) => {
        setPatient(p);
        setCatalogue(k);
        const sorted = [...plans.items].sort((a, b) => b.version_no - a.version_no);
        const chosen = note?.plan_id
          ? sorted.find((v) => v.id === note.plan_id) ?? null
          : sorted.find((v) => v.status === 'approved') ?? sorted[0] ?? null;
        setPlan(chosen);
        setExisting(note);
        setState(note ? stateOfNote(note) : stateFromPlan(chosen, k));
      })
      .catch(setLoadError);
  }, [id, props.sessionId]);

  if (loadError) return <ErrorBox error={loadError} />;
  if (!patient || !catalogue || !state) return <Loading what="the session note" />;
  if (existing?.status === 'signed') {
    return (
      <section>
        <h1>This session note is signed</h1>
        <p>
          A signed note is not edited. <Link href={`/sessions/${existing.id}`}>Open the note to read or amend it</Link>.
        </p>
      </section>
    );
  }
  const problems = problemsOf(saveError);
  const set = (patch: Partial<NoteState>) => setState({ ...state, ...patch });
  const title = existing ? `Session note of ${shortDate(existing.occurred_at)}` : 'New session note';

  // The refusal was (or is about) departures from screening: offer to record anyway.
  const deviationRefused =
    saveError instanceof ApiError && (saveError.field === DEVIATIONS_FIELD || saveError.field === 'deviation_reason');
  const recorded = existing?.deviations ?? null;

  // Saved as a draft, or signed too ("Save and sign"): a signed note is
  // locked, and changed afterwards only by an amendment on its own page.
  const submit = async (acknowledge: boolean, sign: boolean) => {
    setBusy(true);
    setSaveError(null);
    try {
      const body = noteBody(state, acknowledge);
      if (existing) {
        const saved = await request<SessionNoteRecord>('PUT', `/api/v1/sessions/${existing.id}`, body,
          { 'If-Match': `"${existing.version}"` });
        if (sign) {
          await request('POST', `/api/v1/sessions/${existing.id}/sign`, {}, { 'If-Match': `"${saved.data.version}"` });
        }
      } else {
        await request('POST', `/api/v1/patients/${id}/sessions`, { ...body, sign });
      }
      navigate(`/patients/${id}`);
    } catch (err) {
      setSaveError(err);
      // Kept while the therapist writes the reason, which the next refusal may replace.
      if (err instanceof ApiError && err.field === DEVIATIONS_FIELD) setDepartures(err.problems);
      setBusy(false);
    }
  };

  const pain = (name: string, legend: string, value: number | null, key: keyof NoteState) => (
    <PainScale name={name} legend={legend} value={value} problems={problems} onChange={(v) => set({ [key]: v } as Partial<NoteState>)} />
  );

  return (
    <section aria-labelledby="note-title">
      <div class="page-head">
        <h1 id="note-title">
          {title}: {patient.given_name} {patient.family_name}
        </h1>
        <Link href={`/patients/${id}`} class="button secondary">
          Cancel
        </Link>
      </div>
      <ReferralBanner patientId={id} />
      <ConsentBanner patientId={id} regions={regionsOfRows(state.rows)} />
      <p class="muted" data-testid="prefill">
        {plan
          ? `${existing ? 'Under' : 'Prefilled from'} plan version ${plan.version_no} (${plan.status}).`
          : 'No plan yet: add the work done by hand.'}{' '}
        {plan && <Link href={`/patients/${id}/plan`}>Review the plan</Link>}
      </p>
      {plan?.plan && (plan.plan.cautions.length > 0 || plan.plan.position || plan.plan.no_heat) && (
        <details class="card plan-cautions">
          <summary>Cautions from the plan ({plan.plan.cautions.length + (plan.plan.position ? 1 : 0) + (plan.plan.no_heat ? 1 : 0)})</summary>
          <ul>
            {plan.plan.position && <li>Position: {words(plan.plan.position)}.</li>}
            {plan.plan.no_heat && <li>No heat packs or hot stones.</li>}
            {plan.plan.cautions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      <form class="session-note" noValidate onSubmit={(e) => {
        e.preventDefault();
        // Enter and the main button save and sign: a routine note is done in one step.
        void submit(false, !existing);
      }}>
        <div class="card">
          <div class="field narrow">
            <label for="note-when">Date and time</label>
            <input id="note-when" type="datetime-local" value={state.occurredAt} {...fieldProps(problems, 'occurred_at')}
              onInput={(e) => set({ occurredAt: e.currentTarget.value })} />
            <FieldRefusal problems={problems} field="occurred_at" />
          </div>
        </div>

        <section class="card" aria-labelledby="pain-before-title">
          <h2 id="pain-before-title">Pain before the session</h2>
          {pain('leg_pain_before', 'Leg pain before', state.legBefore, 'legBefore')}
          {pain('back_pain_before', 'Back pain before', state.backBefore, 'backBefore')}
        </section>

        <section class="card" aria-labelledby="work-title">
          <h2 id="work-title">Work done</h2>
          <WorkRows rows={state.rows} catalogue={catalogue} problems={problems} onChange={(rows) => set({ rows })}
            plannedMinutes={plan?.plan?.sessions.minutes} />
          <div>
            <label class="choice">
              <input type="checkbox" checked={state.oilsUsed} {...fieldProps(problems, 'oils_used')}
                onChange={(e) => set({ oilsUsed: e.currentTarget.checked })} />
              Oil used
            </label>
          </div>
          <p class="muted small">
            {plan?.plan
              ? plan.plan.oils_allowed
                ? `The plan allows oils. ${plan.plan.lubricant}`
                : `No oils for this patient. ${plan.plan.lubricant}`
              : ''}
          </p>
          <FieldRefusal problems={problems} field="oils_used" />
        </section>

        <section class="card" aria-labelledby="pain-after-title">
          <h2 id="pain-after-title">Pain after the session</h2>
          {pain('leg_pain_after', 'Leg pain after', state.legAfter, 'legAfter')}
          {pain('back_pain_after', 'Back pain after', state.backAfter, 'backAfter')}
        </section>

        {!existing && (
          <section class="card" aria-labelledby="red-flags-title" data-testid="session-red-flags">
            <h2 id="red-flags-title">Red-flag check</h2>
            <p class="muted small">
              Ask again at every session. A yes refers the patient as at intake: the note is kept, the referral
              opened and the plan suspended. Work done before the flag was found is recorded as usual.
            </p>
            <FieldRefusal problems={problems} field="red_flags" />
            {catalogue.red_flags
              .filter((f) => SESSION_RED_FLAGS(f.id))
              .map((f) => (
                <label class="choice" key={f.id}>
                  <input type="checkbox" checked={state.redFlags[f.id] ?? false}
                    onChange={(e) => set({ redFlags: { ...state.redFlags, [f.id]: e.currentTarget.checked } })} />
                  Yes: {f.question}
                </label>
              ))}
          </section>
        )}

        <AdverseEventsEditor events={state.events} problems={problems} onChange={(events) => set({ events })} />

        <section class="card" aria-labelledby="soap-title">
          <h2 id="soap-title">SOAP note</h2>
          <div class="grid-2">
            {SOAP_FIELDS.map(([field, label, key]) => (
              <div key={field} class="field">
                <label for={`soap-${field}`}>{label}</label>
                <textarea id={`soap-${field}`} rows={3} value={state[key]} {...fieldProps(problems, field)}
                  onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<NoteState>)} />
                <FieldRefusal problems={problems} field={field} />
              </div>
            ))}
          </div>
        </section>

        <div class="submit-bar">
          <RefusalSummary error={saveError} what="this session note" describe={describeNoteField} />
          {(deviationRefused || recorded || departures.length > 0) && (
            <DeviationPanel recorded={recorded} departures={departures} problems={problems} reason={state.deviationReason}
              busy={busy} onReason={(deviationReason) => set({ deviationReason })} onRecord={() => void submit(true, false)} />
          )}
          {existing ? (
            <>
              <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>{' '}
              <button type="button" disabled={busy} onClick={() => void submit(false, true)}>Save and sign</button>
            </>
          ) : (
            <>
              <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save and sign'}</button>{' '}
              <button type="button" class="secondary" data-save="draft" disabled={busy} onClick={() => void submit(false, false)}>
                Save as a draft
              </button>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
