// The intake: body map, history, red-flag questions (from /api/v1/knowledge),
// conditions with their sites and modifiers (components/ConditionEditor),
// preferences and the outcome questionnaires with live scores
// (components/QuestionnaireForm), and a live preview of the triage
// (components/IntakePreview). Submitting stores the assessment and
// shows the screening result first, then the draft plan.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ApiError, get, post, type AssessmentRecord, type Knowledge, type Patient, type PlanRecord,
} from '../api';
import { BodyMap, type PatientSide, type Symptom } from '../components/BodyMap';
import { loadKnowledge, regionName, sidesOf } from '../knowledge';
import { ErrorBox, Link, Loading, ageFrom, words } from '../components/common';
import { ConditionEditor } from '../components/ConditionEditor';
import { NO_HISTORY, buildIntake, type IntakeHistory, type IntakeState } from '../components/intakeDocument';
import { DraftNotice, useIntakeDraft } from '../components/intakeDraft';
import { Preview } from '../components/IntakePreview';
import { RedFlagQuestions } from '../components/RedFlagQuestions';
import { ResultView } from '../components/ResultView';
import { CLINICIAN_VOICE } from '../components/clinicianQuestionnaireVoice';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import { questionnaireProblems } from '../components/questionnaireAnswers';

function SymptomEditor(props: {
  knowledge: Knowledge;
  selected: { region: string; side: PatientSide };
  existing: Symptom[];
  onAdd: (s: Symptom) => void;
  onClose: () => void;
}) {
  const { region } = props.selected;
  const [side, setSide] = useState<string>(props.selected.side);
  const [kind, setKind] = useState<string>(props.knowledge.vocabularies.symptom_kinds[0] ?? '');
  const [intensity, setIntensity] = useState(5);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A layout effect, so focus moves in the same task as the editor appears:
  // a key pressed right after choosing a region lands in the editor, not on the map.
  useLayoutEffect(() => {
    setSide(props.selected.side);
    // A region already marked opens with what was recorded there.
    const known = props.existing.find((x) => x.region === region && x.side === props.selected.side);
    // A region not yet marked starts afresh: the kind and intensity of the
    // region chosen before must not be saved here unnoticed.
    setKind(known ? known.kind : (props.knowledge.vocabularies.symptom_kinds[0] ?? ''));
    setIntensity(known ? known.intensity : 5);
    // Keyboard users continue in the editor: the next Tab reaches its fields.
    headingRef.current?.focus();
  }, [props.selected]);
  const sides = sidesOf(props.knowledge, region);
  const replacing = props.existing.some((s) => s.region === region && s.side === side && s.kind === kind);

  return (
    <div class="symptom-editor card" aria-labelledby="editor-title">
      <h3 id="editor-title" ref={headingRef} tabIndex={-1} aria-live="polite">
        Selected: {props.selected.side} {regionName(props.knowledge.regions, region)}
      </h3>
      <fieldset>
        <legend>Side</legend>
        <div class="choices">
          {sides.map((s) => (
            <label key={s} class="choice">
              <input type="radio" name="symptom-side" value={s} checked={side === s} onChange={() => setSide(s)} />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Kind</legend>
        <div class="choices">
          {props.knowledge.vocabularies.symptom_kinds.map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="symptom-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k}
            </label>
          ))}
        </div>
      </fieldset>
      <label for="symptom-intensity">
        Intensity (0 none – 10 worst imaginable): <output for="symptom-intensity">{intensity}</output>
      </label>
      <input id="symptom-intensity" type="range" min={0} max={10} step={1} value={intensity}
        onInput={(e) => setIntensity(Number(e.currentTarget.value))} />
      <div class="actions">
        <button type="button" onClick={() => {
          props.onAdd({ region, side, kind, intensity });
          // Back to the region just marked, to go on choosing on the map.
          document.querySelector<SVGElement>(
            `.region[data-region="${region}"][data-side="${props.selected.side}"]`)?.focus();
        }}>
          {replacing ? 'Update symptom' : 'Add symptom'}
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

export function IntakePage(props: { patientId: number }) {
  const id = props.patientId;
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
    Promise.all([get<Patient>(`/api/v1/patients/${id}`), loadKnowledge()])
      .then(([p, k]) => {
        setPatient(p);
        setKnowledge(k);
        setState((s) => ({ ...s, age: String(ageFrom(p.date_of_birth) ?? ''), sex: p.sex }));
      })
      .catch(setLoadError);
  }, [id]);

  useEffect(() => {
    if (saved) resultRef.current?.focus();
  }, [saved]);

  // Kept on the server as it is typed; restored when the therapist comes back.
  const draft = useIntakeDraft(id, patient !== null && knowledge !== null, state,
    (restored) => setState({ ...blank, ...restored }));
  const discardDraft = async () => {
    await draft.discard();
    setState({ ...blank, age: String(ageFrom(patient?.date_of_birth ?? '') ?? ''), sex: patient?.sex ?? '' });
  };

  const intake = useMemo(() => buildIntake(state), [state]);
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
  if (!patient || !knowledge) return <Loading what="the intake" />;

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
        {Object.values(state.history).some((t) => t.trim() !== '') && (
          <section class="card" aria-labelledby="saved-history-title">
            <h2 id="saved-history-title">History as written</h2>
            <dl>
              {([
                ['presenting_complaint', 'Presenting complaint'], ['past_history', 'Past history'],
                ['medication', 'Medication'], ['goals', "Patient's goals"],
              ] as [keyof IntakeHistory, string][]).filter(([key]) => state.history[key].trim() !== '').map(([key, label]) => (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd class="notes">{state.history[key]}</dd>
                </div>
              ))}
            </dl>
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
        await post<{ assessment: AssessmentRecord; plan: PlanRecord | null }>(`/api/v1/patients/${id}/assessments`, {
          kind: 'intake',
          intake,
        }),
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
          Intake: {patient.given_name} {patient.family_name}
        </h1>
        <Link href={`/patients/${id}`} class="button secondary">Cancel</Link>
      </div>
      <DraftNotice status={draft.status} onDiscard={discardDraft} />
      <form class="intake" onSubmit={submit} noValidate>
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
          {([
            ['presenting_complaint', 'Presenting complaint'],
            ['past_history', 'Past history (earlier episodes, operations, other conditions)'],
            ['medication', 'Medication'],
            ['goals', "Patient's goals"],
          ] as [keyof IntakeHistory, string][]).map(([key, label]) => (
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
            {busy ? 'Saving…' : 'Save assessment and see the result'}
          </button>
        </div>
      </form>
    </section>
  );
}
