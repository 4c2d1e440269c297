// A session note on one screen, quick on a tablet: prefilled from the approved
// plan (or the latest version) with each technique per region and side at its
// pressure and minutes, and the oils the plan allows; the therapist rates leg
// and back pain before and after, adjusts the work done, marks adverse events
// and writes the SOAP text. Opened with a note id it edits that note (PUT with
// If-Match). The server's refusals appear at the field they name. Work that
// departs from the patient's screening is refused at its row; the therapist
// may then record it anyway with a reason, kept with the note and audited.
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError, DEVIATIONS_FIELD, get, request, type AdverseEvent, type Knowledge, type Patient, type PlanVersion, type SessionNoteRecord,
} from '../api';
import { ErrorBox, Link, Loading, shortDate, words } from '../components/common';
import { PainScale } from '../components/PainScale';
import { FieldRefusal, RefusalSummary, fieldProps, plain, problemsOf, type Problem } from '../components/Refusals';
import { PRESSURE_WORDS, newKey } from '../components/planDraft';
import { loadKnowledge, sidesOf } from '../knowledge';
import { navigate } from '../router';
import { numberOrText } from '../forms/numberOrText';
import { ConsentBanner } from '../components/ConsentBanner';
import { ReferralBanner } from '../components/ReferralBanner';
import { shareMinutes } from '../forms/shareMinutes';

const EVENT_KINDS = [
  'soreness', 'bruising', 'increased_pain', 'symptom_peripheralisation', 'numbness_or_tingling', 'dizziness',
  'headache', 'skin_reaction', 'other',
];

interface Row {
  key: number;
  technique: string;
  region: string;
  side: string;
  pressure: number;
  minutes: string;
}

interface EventRow extends AdverseEvent {
  key: number;
}

interface NoteState {
  occurredAt: string; // <input type="datetime-local"> value, local time.
  planId: number | null;
  legBefore: number | null;
  legAfter: number | null;
  backBefore: number | null;
  backAfter: number | null;
  rows: Row[];
  oilsUsed: boolean;
  events: EventRow[];
  subjective: string;
  objective: string;
  assessment: string;
  planText: string;
  deviationReason: string; // Sent only with "Record anyway".
  // The session's red-flag check (new notes): question id -> answered yes.
  redFlags: Record<string, boolean>;
}

// The red flags every session asks again: the cauda equina questions a
// patient can answer and progressive weakness. A yes refers the patient as
// an intake would (the server opens the referral and suspends the plan).
const SESSION_RED_FLAGS = (id: string) =>
  (id.startsWith('ces_') && id !== 'ces_exam_anal_tone_perineal_loss') ||
  id === 'neuro_rapidly_progressing_deficit' ||
  id === 'neuro_foot_drop_or_major_weakness';

const pad = (n: number) => String(n).padStart(2, '0');
function localInputValue(d: Date) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// The local time typed in the form as the server's UTC form; anything that is
// not a time goes as typed, so the server names the field.
function utcFromLocal(value: string) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// One row per technique, region and side; an item's minutes are shared
// between its targets so that they add up to what the plan gave it.
export function rowsFromPlan(plan: PlanVersion['plan']): Row[] {
  if (!plan) return [];
  return plan.techniques.flatMap((t) => {
    const shares = shareMinutes(t.minutes, t.targets.length);
    return t.targets.map((g, i) => ({
      key: newKey(),
      technique: t.technique,
      region: g.region,
      side: g.side,
      pressure: t.pressure,
      minutes: String(shares[i]),
    }));
  });
}

function noteBody(s: NoteState, acknowledge: boolean) {
  return {
    ...(acknowledge ? { deviations_acknowledged: true, deviation_reason: s.deviationReason } : {}),
    plan_id: s.planId,
    occurred_at: utcFromLocal(s.occurredAt),
    leg_pain_before: s.legBefore,
    leg_pain_after: s.legAfter,
    back_pain_before: s.backBefore,
    back_pain_after: s.backAfter,
    techniques: s.rows.map((r) => ({
      technique: r.technique, region: r.region, side: r.side, pressure: r.pressure, minutes: numberOrText(r.minutes),
    })),
    oils_used: s.oilsUsed,
    adverse_events: s.events.map((e) => ({ kind: e.kind, severity: e.severity, note: e.note })),
    subjective: s.subjective,
    objective: s.objective,
    assessment: s.assessment,
    plan_text: s.planText,
    ...(Object.keys(s.redFlags).length ? { red_flags: s.redFlags } : {}),
  };
}

function describeNoteField(field: string) {
  const m = /^(techniques|adverse_events)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (m) return `${m[1] === 'techniques' ? 'Technique row' : 'Adverse event'} ${Number(m[2]) + 1}${m[3] ? `: ${words(m[3])}` : ''}`;
  const fixed: Record<string, string> = {
    occurred_at: 'Date and time', plan_text: 'Plan (SOAP)', oils_used: 'Oil used', 'if-match': 'Version',
    techniques: 'Work done', deviation_reason: 'Reason for departing from screening',
  };
  return fixed[field] ?? words(field).replace(/^./, (c) => c.toUpperCase());
}

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
        if (note) {
          setState({
            occurredAt: localInputValue(new Date(note.occurred_at)),
            planId: note.plan_id,
            legBefore: note.leg_pain_before, legAfter: note.leg_pain_after,
            backBefore: note.back_pain_before, backAfter: note.back_pain_after,
            rows: (note.techniques ?? []).map((t) => ({ ...t, key: newKey(), minutes: String(t.minutes) })),
            oilsUsed: note.oils_used,
            events: (note.adverse_events ?? []).map((e) => ({ ...e, key: newKey() })),
            subjective: note.subjective, objective: note.objective, assessment: note.assessment, planText: note.plan_text,
            deviationReason: note.deviations?.reason ?? '',
            redFlags: {},
          });
        } else {
          setState({
            occurredAt: localInputValue(new Date()),
            planId: chosen?.id ?? null,
            legBefore: null, legAfter: null, backBefore: null, backAfter: null,
            rows: rowsFromPlan(chosen?.plan ?? null),
            oilsUsed: chosen?.plan?.oils_allowed ?? false,
            events: [],
            subjective: '', objective: '', assessment: '', planText: '', deviationReason: '',
            redFlags: Object.fromEntries(k.red_flags.filter((f) => SESSION_RED_FLAGS(f.id)).map((f) => [f.id, false])),
          });
        }
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
  const setRow = (i: number, patch: Partial<Row>) => set({ rows: state.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setEvent = (i: number, patch: Partial<EventRow>) =>
    set({ events: state.events.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const title = existing ? `Session note of ${shortDate(existing.occurred_at)}` : 'New session note';

  // The refusal was (or is about) departures from screening: offer to record anyway.
  const deviationRefused =
    saveError instanceof ApiError && (saveError.field === DEVIATIONS_FIELD || saveError.field === 'deviation_reason');
  const recorded = existing?.deviations ?? null;

  // Saved as a draft, or signed too ("Save and sign"): a signed note is
  // locked, and changed afterwards only by an amendment on its own page.
  const submit = async (acknowledge: boolean, sign = false) => {
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
      <ConsentBanner patientId={id} regions={state.rows.map((r) => r.region)} />
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
        void submit(false);
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
          <FieldRefusal problems={problems} field="techniques" />
          <div class="work-rows" role="list">
            <div class="work-row work-head" aria-hidden="true">
              <span>Technique</span>
              <span>Region</span>
              <span>Side</span>
              <span>Pressure</span>
              <span>Minutes</span>
              <span />
            </div>
            {state.rows.map((r, i) => {
              const p = `techniques[${i}]`;
              const n = `row ${i + 1}`;
              return (
                <div key={r.key} class="work-item" role="listitem" data-testid="work-row">
                  <div class="work-row">
                    <select aria-label={`Technique, ${n}`} value={r.technique} {...fieldProps(problems, `${p}.technique`)}
                      onChange={(e) => setRow(i, { technique: e.currentTarget.value })}>
                      {catalogue.techniques.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                    <select aria-label={`Region, ${n}`} value={r.region} {...fieldProps(problems, `${p}.region`)}
                      onChange={(e) => setRow(i, { region: e.currentTarget.value })}>
                      {catalogue.regions.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.label}
                        </option>
                      ))}
                    </select>
                    <select aria-label={`Side, ${n}`} value={r.side} {...fieldProps(problems, `${p}.side`)}
                      onChange={(e) => setRow(i, { side: e.currentTarget.value })}>
                      {sidesOf(catalogue, r.region).map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                    <select aria-label={`Pressure, ${n}`} value={String(r.pressure)} {...fieldProps(problems, `${p}.pressure`)}
                      onChange={(e) => setRow(i, { pressure: Number(e.currentTarget.value) })}>
                      {[1, 2, 3, 4, 5].map((v) => (
                        <option key={v} value={v}>
                          {v} {PRESSURE_WORDS[v]}
                        </option>
                      ))}
                    </select>
                    <input aria-label={`Minutes, ${n}`} inputMode="numeric" value={r.minutes} {...fieldProps(problems, `${p}.minutes`)}
                      onInput={(e) => setRow(i, { minutes: e.currentTarget.value })} />
                    <button type="button" class="linklike" aria-label={`Remove ${n}`}
                      onClick={() => set({ rows: state.rows.filter((_, j) => j !== i) })}>
                      Remove
                    </button>
                  </div>
                  {['technique', 'region', 'side', 'pressure', 'minutes'].map((f) => (
                    <FieldRefusal key={f} problems={problems} field={`${p}.${f}`} />
                  ))}
                </div>
              );
            })}
          </div>
          <button type="button" class="secondary" onClick={() => {
            const last = state.rows[state.rows.length - 1];
            set({
              rows: [...state.rows, {
                key: newKey(), technique: last?.technique ?? 'swedish', region: last?.region ?? 'lower_back',
                side: last?.side ?? 'both', pressure: last?.pressure ?? 2, minutes: '5',
              }],
            });
          }}>
            Add a technique row
          </button>
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

        <section class="card" aria-labelledby="events-title">
          <h2 id="events-title">Adverse events</h2>
          {state.events.length === 0 && <p class="muted">None recorded.</p>}
          <FieldRefusal problems={problems} field="adverse_events" />
          {state.events.map((ev, i) => {
            const p = `adverse_events[${i}]`;
            return (
              <fieldset key={ev.key} class="adverse-event" data-testid="adverse-event">
                <legend>Adverse event {i + 1}</legend>
                <div class="grid-2">
                  <div class="field">
                    <label for={`event-${ev.key}-kind`}>What happened</label>
                    <select id={`event-${ev.key}-kind`} value={ev.kind} {...fieldProps(problems, `${p}.kind`)}
                      onChange={(e) => setEvent(i, { kind: e.currentTarget.value })}>
                      {EVENT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {words(k)}
                        </option>
                      ))}
                    </select>
                    <FieldRefusal problems={problems} field={`${p}.kind`} />
                  </div>
                  <fieldset class="severity" {...fieldProps(problems, `${p}.severity`)}>
                    <legend>Severity</legend>
                    <div class="choices">
                      {(['mild', 'moderate', 'severe'] as const).map((s) => (
                        <label key={s} class="choice">
                          <input type="radio" name={`event-${ev.key}-severity`} value={s} checked={ev.severity === s}
                            onChange={() => setEvent(i, { severity: s })} />
                          {s}
                        </label>
                      ))}
                    </div>
                    <FieldRefusal problems={problems} field={`${p}.severity`} />
                  </fieldset>
                </div>
                <div class="field">
                  <label for={`event-${ev.key}-note`}>Note</label>
                  <input id={`event-${ev.key}-note`} value={ev.note} {...fieldProps(problems, `${p}.note`)}
                    onInput={(e) => setEvent(i, { note: e.currentTarget.value })} />
                  <FieldRefusal problems={problems} field={`${p}.note`} />
                </div>
                <button type="button" class="linklike" onClick={() => set({ events: state.events.filter((_, j) => j !== i) })}>
                  Remove adverse event {i + 1}
                </button>
              </fieldset>
            );
          })}
          <button type="button" class="secondary" data-add="event"
            onClick={() => {
              const key = newKey();
              set({ events: [...state.events, { key, kind: 'soreness', severity: 'mild', note: '' }] });
              // Keyboard users continue in the new event, which sits above this button.
              setTimeout(() => document.getElementById(`event-${key}-kind`)?.focus());
            }}>
            Add an adverse event
          </button>
        </section>

        <section class="card" aria-labelledby="soap-title">
          <h2 id="soap-title">SOAP note</h2>
          <div class="grid-2">
            {([
              ['subjective', 'Subjective (what the patient reports)', 'subjective'],
              ['objective', 'Objective (what you found)', 'objective'],
              ['assessment', 'Assessment (your reading)', 'assessment'],
              ['plan_text', 'Plan (what comes next)', 'planText'],
            ] as const).map(([field, label, key]) => (
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
            <fieldset class="record-anyway" data-testid="record-anyway">
              <legend>Record the deviation from screening</legend>
              {recorded && (
                <p data-testid="recorded-deviations">
                  This note was recorded with {recorded.items.length} departure{recorded.items.length === 1 ? '' : 's'} from
                  the patient's screening: {recorded.items.map((d) => plain(d.message)).join('; ')}.
                </p>
              )}
              {departures.length > 0 && (
                <ul data-testid="departures">
                  {departures.map((d, i) => (
                    <li key={i}>
                      {describeNoteField(d.field)}: {plain(d.message)}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                If this is what was actually done, record it anyway and say why. The deviation is kept with the note,
                marked on the patient's chart and written to the audit trail.
              </p>
              <div class="field">
                <label for="deviation-reason">Reason for departing from screening</label>
                <textarea id="deviation-reason" rows={2} maxLength={500} value={state.deviationReason}
                  {...fieldProps(problems, 'deviation_reason')}
                  onInput={(e) => set({ deviationReason: e.currentTarget.value })} />
                <FieldRefusal problems={problems} field="deviation_reason" />
              </div>
              <button type="button" class="record-anyway-button" disabled={busy} onClick={() => void submit(true)}>
                Record anyway with this reason
              </button>
            </fieldset>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : existing ? 'Save changes' : 'Save session note'}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void submit(false, true)}>
            Save and sign
          </button>
        </div>
      </form>
    </section>
  );
}
