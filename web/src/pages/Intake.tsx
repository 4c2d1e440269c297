// The intake: body map, history, red-flag questions (from /api/v1/knowledge),
// conditions, preferences and the outcome questionnaires with live scores
// (components/QuestionnaireForm), and a live preview of the triage
// (POST /api/v1/assess, debounced). Submitting stores the assessment and
// shows the screening result first, then the draft plan.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ApiError, get, post, type AssessmentRecord, type AssessmentResult, type Knowledge, type Patient,
  type PlanRecord,
} from '../api';
import { BodyMap, type PatientSide, type Symptom } from '../components/BodyMap';
import { loadKnowledge, regionName, sidesOf } from '../knowledge';
import { ErrorBox, Link, Loading, TriageBadge, ageFrom, isReferral, words } from '../components/common';
import { ResultView } from '../components/ResultView';
import { CLINICIAN_VOICE } from '../components/clinicianQuestionnaireVoice';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import {
  questionnaireProblems, questionnairesDocument, type QuestionnaireAnswers,
} from '../components/questionnaireAnswers';
import { numberOrText } from '../forms/numberOrText';

const GROUP_NAMES: Record<string, string> = {
  ces: 'Cauda equina (emergency signs)',
  neuro: 'Nerve function',
  cancer: 'Cancer',
  infection: 'Infection',
  fracture: 'Fracture',
  inflammatory: 'Inflammatory back pain',
  vascular: 'Blood vessels',
  persistent: 'Persistent pain',
};

type Answer = '' | 'yes' | 'no' | 'unknown';

interface IntakeState {
  age: string;
  sex: string;
  pregnant: boolean;
  firstEpisode: '' | 'yes' | 'no';
  symptoms: Symptom[];
  onsetWeeks: string;
  aggravated: string[];
  redFlags: Record<string, Answer>;
  conditions: string[];
  painTolerance: '' | 'low' | 'medium' | 'high';
  fragranceSensitive: boolean;
  pressurePreference: string;
  questionnaires: QuestionnaireAnswers;
}

export function buildIntake(s: IntakeState) {
  const patient: Record<string, unknown> = { age: numberOrText(s.age), sex: s.sex };
  if (s.pregnant) patient.pregnant = true;
  if (s.firstEpisode) patient.first_episode = s.firstEpisode === 'yes';
  const doc: Record<string, unknown> = { patient, symptoms: s.symptoms };
  if (s.onsetWeeks.trim() !== '') doc.onset_weeks = numberOrText(s.onsetWeeks);
  if (s.aggravated.length) doc.aggravated_by = s.aggravated;
  const flags: Record<string, boolean | null> = {};
  for (const [id, a] of Object.entries(s.redFlags)) {
    if (a === 'yes') flags[id] = true;
    else if (a === 'no') flags[id] = false;
    else if (a === 'unknown') flags[id] = null;
  }
  if (Object.keys(flags).length) doc.red_flags = flags;
  if (s.conditions.length) doc.conditions = Object.fromEntries(s.conditions.map((c) => [c, true]));
  const prefs: Record<string, unknown> = {};
  if (s.painTolerance) prefs.pain_tolerance = s.painTolerance;
  if (s.fragranceSensitive) prefs.fragrance_sensitive = true;
  if (s.pressurePreference) prefs.pressure_preference = Number(s.pressurePreference);
  if (Object.keys(prefs).length) doc.preferences = prefs;
  const q = questionnairesDocument(s.questionnaires);
  if (Object.keys(q).length) doc.questionnaires = q;
  return doc;
}

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
  useEffect(() => {
    setSide(props.selected.side);
    // A region already marked opens with what was recorded there.
    const known = props.existing.find((x) => x.region === region && x.side === props.selected.side);
    if (known) {
      setKind(known.kind);
      setIntensity(known.intensity);
    }
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

function Preview(props: { intake: Record<string, unknown>; hasSymptoms: boolean }) {
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const body = JSON.stringify(props.intake);
  useEffect(() => {
    if (!props.hasSymptoms) {
      setResult(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      post<AssessmentResult>('/api/v1/assess', props.intake)
        .then((r) => {
          if (!live) return;
          setResult(r);
          setError(null);
        })
        .catch((e) => live && setError(e))
        .finally(() => live && setBusy(false));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body, props.hasSymptoms]);

  return (
    <aside class="preview card" aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title">Live preview</h2>
      <div aria-live="polite">
        {!props.hasSymptoms && <p class="muted">Mark at least one symptom on the body map to see the triage.</p>}
        {props.hasSymptoms && busy && !result && !error && <p class="muted">Checking…</p>}
        {error ? <ErrorBox error={error} focus={false} /> : null}
        {result && !error && (
          <>
            <p>
              <TriageBadge triage={result.triage} />
            </p>
            {isReferral(result.triage) && result.referral && (
              <p class="preview-referral">
                <strong>Refer, do not treat.</strong> {result.referral.action}
              </p>
            )}
            <ul class="small">
              {result.reasons.slice(0, 4).map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            {result.plan && (
              <p class="small">
                Draft plan: {result.plan.techniques.map((t) => t.label).join(', ')}.
              </p>
            )}
          </>
        )}
      </div>
      <p class="muted small">Preview only: nothing is stored until you submit.</p>
    </aside>
  );
}

export function IntakePage(props: { patientId: number }) {
  const id = props.patientId;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [state, setState] = useState<IntakeState>({
    age: '', sex: '', pregnant: false, firstEpisode: '', symptoms: [], onsetWeeks: '', aggravated: [],
    redFlags: {}, conditions: [], painTolerance: '', fragranceSensitive: false, pressurePreference: '',
    questionnaires: {},
  });
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

  const intake = useMemo(() => buildIntake(state), [state]);
  const set = (patch: Partial<IntakeState>) => setState((s) => ({ ...s, ...patch }));
  const toggle = (list: string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
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
        {result ? <ResultView result={result} planRecord={saved.plan} headingLevel={2} /> : <p>Stored.</p>}
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSubmitError(null);
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

  const groups = new Map<string, typeof knowledge.red_flags>();
  for (const f of knowledge.red_flags) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  // Cauda equina questions are never answered in bulk: patients may not volunteer these
  // symptoms (red-flags.md, CKS), so each one is put to the patient and answered on its own.
  const answerOthersNo = () => {
    const next = { ...state.redFlags };
    for (const f of knowledge.red_flags) if (f.group !== 'ces' && !next[f.id]) next[f.id] = 'no';
    set({ redFlags: next });
  };

  return (
    <section aria-labelledby="intake-title">
      <div class="page-head">
        <h1 id="intake-title">
          Intake: {patient.given_name} {patient.family_name}
        </h1>
        <Link href={`/patients/${id}`} class="button secondary">Cancel</Link>
      </div>
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
            <input type="checkbox" checked={state.pregnant} onChange={(e) => set({ pregnant: e.currentTarget.checked })} />
            Pregnant
          </label>
        </section>

        <section class="card" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
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

        <section class="card" aria-labelledby="flags-title">
          <div class="page-head">
            <h2 id="flags-title">Red-flag questions</h2>
            <button type="button" class="secondary" onClick={answerOthersNo}>
              Answer the remaining questions “No”, except cauda equina
            </button>
          </div>
          <p class="muted">
            Ask every question. Cauda equina questions are answered one by one: one not asked or
            “Not known” blocks approval.
          </p>
          {[...groups.entries()].map(([group, flags]) => (
            <div key={group} class="flag-group">
              <h3>{GROUP_NAMES[group] ?? words(group)}</h3>
              {flags.map((f) => (
                <fieldset key={f.id}
                  class={`flag ${state.redFlags[f.id] === 'yes' ? 'flag-yes' : ''} ${badField === `red_flags.${f.id}` ? 'invalid' : ''}`}>
                  <legend>
                    {f.question}
                    {f.scope !== 'patient' && <span class="muted small"> ({f.scope})</span>}
                  </legend>
                  <div class="choices">
                    {(['yes', 'no', 'unknown', ''] as Answer[]).map((a) => (
                      <label key={a} class="choice">
                        <input type="radio" name={`flag-${f.id}`} value={a} data-flag={f.id}
                          checked={(state.redFlags[f.id] ?? '') === a}
                          onChange={() => set({ redFlags: { ...state.redFlags, [f.id]: a } })} />
                        {a === 'yes' ? 'Yes' : a === 'no' ? 'No' : a === 'unknown' ? 'Not known' : 'Not asked'}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
            </div>
          ))}
        </section>

        <section class="card" aria-labelledby="conditions-title">
          <h2 id="conditions-title">Conditions, medicines and situations</h2>
          <div class="choices columns">
            {knowledge.conditions.map((c) => (
              <label key={c.id} class="choice">
                <input type="checkbox" checked={state.conditions.includes(c.id)} data-condition={c.id}
                  onChange={() => set({ conditions: toggle(state.conditions, c.id) })} />
                {c.reason.split(':')[0]}
              </label>
            ))}
          </div>
        </section>

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
