// The intake: body map, history, red-flag questions (from /api/v1/knowledge),
// conditions with their sites and modifiers (components/ConditionEditor),
// preferences and the outcome questionnaires with live scores
// (components/QuestionnaireForm), and a live preview of the triage
// (components/IntakePreview). Submitting stores the assessment and
// shows the screening result first, then the draft plan.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ApiError, get, post, type AssessmentRecord, type Knowledge, type Patient, type PlanRecord,
} from '../api';
import { BodyMap, type PatientSide } from '../components/BodyMap';
import { SymptomEditor } from '../components/SymptomEditor';
import { loadKnowledge, regionName } from '../knowledge';
import { ErrorBox, Link, Loading, ageFrom, lowerFirst, words } from '../components/common';
import { ConditionEditor } from '../components/ConditionEditor';
import { NO_HISTORY, buildIntake, intakeStateFrom, type IntakeState } from '../components/intakeDocument';
import { HISTORY_LABELS, HistoryList, hasHistory } from '../components/IntakeHistoryView';
import { assessmentTitle } from '../components/AssessmentVersions';
import { keepUnchanged } from '../components/correctionDocument';
import { DraftNotice, useIntakeDraft } from '../components/intakeDraft';
import { Preview } from '../components/IntakePreview';
import { RedFlagQuestions } from '../components/RedFlagQuestions';
import { ResultView } from '../components/ResultView';
import { CLINICIAN_VOICE } from '../components/clinicianQuestionnaireVoice';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import { questionnaireProblems } from '../components/questionnaireAnswers';

// With `corrects`, the form opens prefilled from that assessment and asks why
// it is corrected; the answer is stored as its correction (a new assessment).
export function IntakePage(props: { patientId: number; corrects?: number }) {
  const id = props.patientId;
  const [original, setOriginal] = useState<AssessmentRecord | null>(null);
  const [asLoaded, setAsLoaded] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const blank: IntakeState = {
    age: '', sex: '', pregnant: false, firstEpisode: '', symptoms: [], onsetWeeks: '', aggravated: [],
    redFlags: {}, conditions: {}, painTolerance: '', fragranceSensitive: false, pressurePreference: '',
    questionnaires: {}, history: NO_HISTORY,
  };
  const [state, setState] = useState<IntakeState>(blank);
  const [selected, setSelected] = useState<{ region: string; side: PatientSide } | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ assessment: AssessmentRecord; plan: PlanRecord | null } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const corrected = props.corrects ? get<AssessmentRecord>(`/api/v1/assessments/${props.corrects}`) : null;
    Promise.all([get<Patient>(`/api/v1/patients/${id}`), loadKnowledge(), corrected])
      .then(([p, k, a]) => {
        setPatient(p);
        setKnowledge(k);
        const known = { age: String(ageFrom(p.date_of_birth) ?? ''), sex: p.sex };
        setState((s) => ({ ...s, ...known }));
        if (a) {
          setOriginal(a);
          setState((s) => intakeStateFrom(a.intake, s));
          // What the form writes for the original before any edit, so that
          // only what the clinician changes replaces what was recorded.
          setAsLoaded(buildIntake(intakeStateFrom(a.intake, { ...blank, ...known })));
        }
      })
      .catch(setLoadError);
  }, [id, props.corrects]);

  useEffect(() => {
    if (saved) resultRef.current?.focus();
  }, [saved]);

  // Kept on the server as it is typed; restored when the therapist comes back.
  // A correction is not the patient's next intake: it keeps no draft.
  const drafting = !props.corrects;
  const draft = useIntakeDraft(id, drafting, patient !== null && knowledge !== null, state,
    (restored) => setState({ ...blank, ...restored }));
  const discardDraft = async () => {
    await draft.discard();
    setState({ ...blank, age: String(ageFrom(patient?.date_of_birth ?? '') ?? ''), sex: patient?.sex ?? '' });
  };

  const intake = useMemo(() => {
    const edited = buildIntake(state);
    return original && asLoaded ? (keepUnchanged(original.intake, asLoaded, edited) as typeof edited) : edited;
  }, [state, original, asLoaded]);
  const set = (patch: Partial<IntakeState>) => setState((s) => ({ ...s, ...patch }));
  const toggle = (list: string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  // Pregnant also reports the pregnancy condition, so the conditions list asks
  // its modifier (high risk) instead of leaving it unasked.
  const setPregnant = (pregnant: boolean) => {
    const conditions = { ...state.conditions };
    if (knowledge?.conditions.some((c) => c.id === 'pregnancy')) {
      if (pregnant) conditions.pregnancy ??= { region: '', side: '', modifiers: [] };
      else delete conditions.pregnancy;
    }
    set({ pregnant, conditions });
  };
  const badField = submitError instanceof ApiError ? submitError.field.replace(/^intake\./, '') : '';

  if (loadError) return <ErrorBox error={loadError} />;
  // The form is drawn once its draft is in (useIntakeDraft): drawing it is the page's longest task.
  if (!patient || !knowledge || (props.corrects && !original) || (drafting && !draft.loaded)) {
    return <Loading what="the intake" />;
  }

  if (saved) {
    const result = saved.assessment.result;
    return (
      <section aria-labelledby="saved-title">
        <div class="page-head">
          <h1 id="saved-title" ref={resultRef} tabIndex={-1}>
            Intake result: {patient.given_name} {patient.family_name}
          </h1>
          <div class="actions no-print">
            <Link href={`/patients/${id}`} class="button secondary">Back to patient</Link>
            <button type="button" class="secondary" onClick={() => window.print()}>Print</button>
          </div>
        </div>
        {hasHistory(state.history) && (
          <section class="card" aria-labelledby="saved-history-title">
            <h2 id="saved-history-title">History as written</h2>
            <HistoryList history={state.history} />
          </section>
        )}
        {result ? <ResultView result={result} planRecord={saved.plan} headingLevel={2} /> : <p>Stored.</p>}
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSubmitError(null);
    draft.cancelPending();
    try {
      setSaved(
        await post<{ assessment: AssessmentRecord; plan: PlanRecord | null }>(`/api/v1/patients/${id}/assessments`,
          original ? { kind: original.kind, intake, corrects: original.id, reason } : { kind: 'intake', intake }),
      );
      window.scrollTo(0, 0);
    } catch (err) {
      setSubmitError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intake-title">
      <div class="page-head">
        <h1 id="intake-title">
          {original ? 'Correct the ' + lowerFirst(assessmentTitle(original)) : 'Intake'}: {patient.given_name}{' '}
          {patient.family_name}
        </h1>
        <Link href={`/patients/${id}`} class="button secondary">Cancel</Link>
      </div>
      {!original && <DraftNotice status={draft.status} onDiscard={discardDraft} />}
      <form class="intake" onSubmit={submit} noValidate>
        {original && (
          <section class="card" aria-labelledby="correction-title">
            <h2 id="correction-title">Why it is corrected</h2>
            <p class="muted">
              The answers below are those recorded; change what was wrong. The recorded assessment is kept as it was,
              marked as corrected, and this correction is screened again like any assessment.
            </p>
            <label for="correction-reason">Reason for the correction (required)</label>
            <textarea id="correction-reason" rows={2} maxLength={2000} required value={reason}
              aria-invalid={badField === 'reason'} onInput={(e) => setReason(e.currentTarget.value)} />
          </section>
        )}
        <section class="card body-section" aria-labelledby="bodymap-title">
          <h2 id="bodymap-title">Body map</h2>
          <p class="muted">
            Choose a region (click, or Tab to it and press Enter), then its side, kind and intensity.
          </p>
          <div class="bodymap-layout">
            <BodyMap regions={knowledge.regions} kinds={knowledge.vocabularies.symptom_kinds} symptoms={state.symptoms}
              selected={selected} onSelect={(region, side) => setSelected({ region, side })} />
            <div class="bodymap-side">
              {selected ? (
                <SymptomEditor
                  knowledge={knowledge}
                  selected={selected}
                  existing={state.symptoms}
                  onClose={() => setSelected(null)}
                  onAdd={(s) =>
                    set({
                      symptoms: [
                        ...state.symptoms.filter((x) => !(x.region === s.region && x.side === s.side && x.kind === s.kind)),
                        s,
                      ],
                    })
                  }
                />
              ) : (
                <p class="hint">No region selected.</p>
              )}
              <h3>Symptoms marked</h3>
              {state.symptoms.length === 0 ? (
                <p class="muted">None yet.</p>
              ) : (
                <table class="list symptoms-table" data-testid="symptoms">
                  <thead>
                    <tr>
                      <th scope="col">Region</th>
                      <th scope="col">Side</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Intensity</th>
                      <th scope="col"><span class="visually-hidden">Remove</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.symptoms.map((s, i) => (
                      <tr key={`${s.region}-${s.side}-${s.kind}`} class={badField.startsWith(`symptoms[${i}]`) ? 'invalid' : ''}>
                        <td>{regionName(knowledge.regions, s.region)}</td>
                        <td>{s.side}</td>
                        <td>{s.kind}</td>
                        <td>{s.intensity}</td>
                        <td>
                          <button type="button" class="linklike"
                            aria-label={`Remove ${s.side} ${regionName(knowledge.regions, s.region)} ${s.kind}`}
                            onClick={() => set({ symptoms: state.symptoms.filter((_, j) => j !== i) })}>
                            Remove
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        </section>

        <Preview intake={intake} hasSymptoms={state.symptoms.length > 0} />

        <section class="card" aria-labelledby="patient-facts-title">
          <h2 id="patient-facts-title">Patient</h2>
          <div class="grid-3">
            <div class="field">
              <label for="in-age">Age (years)</label>
              <input id="in-age" inputMode="numeric" value={state.age} aria-invalid={badField === 'patient.age'}
                onInput={(e) => set({ age: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="in-sex">Sex</label>
              <select id="in-sex" value={state.sex} onChange={(e) => set({ sex: e.currentTarget.value })}>
                <option value="female">female</option>
                <option value="male">male</option>
                <option value="other">other</option>
              </select>
            </div>
            <div class="field">
              <label for="in-first">First ever episode of back pain?</label>
              <select id="in-first" value={state.firstEpisode}
                onChange={(e) => set({ firstEpisode: e.currentTarget.value as IntakeState['firstEpisode'] })}>
                <option value="">not known</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            </div>
          </div>
          <label class="choice">
            <input type="checkbox" checked={state.pregnant} onChange={(e) => setPregnant(e.currentTarget.checked)} />
            Pregnant
          </label>
        </section>

        <section class="card" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          {HISTORY_LABELS.map(([key, short]) => [key, key === 'past_history'
            ? 'Past history (earlier episodes, operations, other conditions)' : short] as const).map(([key, label]) => (
            <div class="field" key={key}>
              <label for={`in-history-${key}`}>{label}</label>
              <textarea id={`in-history-${key}`} rows={2} maxLength={4000} value={state.history[key]}
                aria-invalid={badField === `history.${key}`}
                onInput={(e) => set({ history: { ...state.history, [key]: e.currentTarget.value } })} />
            </div>
          ))}
          <div class="field narrow">
            <label for="in-onset">Weeks since this episode began</label>
            <input id="in-onset" inputMode="decimal" value={state.onsetWeeks} aria-invalid={badField === 'onset_weeks'}
              aria-describedby="in-onset-hint" onInput={(e) => set({ onsetWeeks: e.currentTarget.value })} />
            <span id="in-onset-hint" class="muted small">Fractions allowed (0.5 ≈ three days). Empty means unknown.</span>
          </div>
          <fieldset>
            <legend>Made worse by</legend>
            <div class="choices wrap">
              {knowledge.vocabularies.activities.map((a) => (
                <label key={a} class="choice">
                  <input type="checkbox" checked={state.aggravated.includes(a)}
                    onChange={() => set({ aggravated: toggle(state.aggravated, a) })} />
                  {words(a)}
                </label>
              ))}
            </div>
          </fieldset>
        </section>

        <RedFlagQuestions flags={knowledge.red_flags} inflammatory={knowledge.inflammatory_back_pain}
          answers={state.redFlags} badField={badField}
          onChange={(redFlags) => set({ redFlags })} />

        <ConditionEditor conditions={knowledge.conditions} regions={knowledge.regions} value={state.conditions}
          badField={badField} onChange={(conditions) => set({ conditions })} />

        <section class="card" aria-labelledby="prefs-title">
          <h2 id="prefs-title">Preferences</h2>
          <div class="grid-3">
            <div class="field">
              <label for="in-tolerance">Pain tolerance</label>
              <select id="in-tolerance" value={state.painTolerance}
                onChange={(e) => set({ painTolerance: e.currentTarget.value as IntakeState['painTolerance'] })}>
                <option value="">not given (medium)</option>
                <option value="low">low</option>
                <option value="medium">medium</option>
                <option value="high">high</option>
              </select>
            </div>
            <div class="field">
              <label for="in-pressure">Pressure asked for</label>
              <select id="in-pressure" value={state.pressurePreference}
                onChange={(e) => set({ pressurePreference: e.currentTarget.value })}>
                <option value="">none</option>
                <option value="1">1 light</option>
                <option value="2">2 moderate</option>
                <option value="3">3 firm</option>
                <option value="4">4 deep</option>
                <option value="5">5 very deep</option>
              </select>
            </div>
            <label class="choice align-end">
              <input type="checkbox" checked={state.fragranceSensitive}
                onChange={(e) => set({ fragranceSensitive: e.currentTarget.checked })} />
              Bothered by scents (no allergy)
            </label>
          </div>
        </section>

        <section class="card questionnaires" aria-labelledby="questionnaires-title">
          <h2 id="questionnaires-title">Questionnaires</h2>
          <QuestionnaireForm defs={knowledge.questionnaires} answers={state.questionnaires} voice={CLINICIAN_VOICE}
            problems={questionnaireProblems(submitError)} headingLevel={3}
            onChange={(questionnaires) => set({ questionnaires })} />
        </section>

        <div class="submit-bar">
          <ErrorBox error={submitError} />
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : original ? 'Save the correction and see the result' : 'Save assessment and see the result'}
          </button>
        </div>
      </form>
    </section>
  );
}
