// The intake's outcome questionnaires (NRS leg and back, Oswestry, Sciatica
// Bothersomeness, STarT Back) with their scores shown as the clinician
// answers. The scores come from the server (POST /api/v1/questionnaires/score,
// the core's rules): nothing here knows how an instrument is scored.
// Item texts are the topics the server publishes, or the clinic's licensed
// wording when it loaded one (docs/questionnaire-wording.md).
import { useEffect, useState } from 'preact/hooks';
import { post, type QuestionnaireDef, type Scores } from '../api';
import { ErrorBox } from './common';

export type Answers = (number | null)[];

export interface QuestionnaireAnswers {
  nrsLeg: number | null;
  nrsBack: number | null;
  odi: Answers;
  sbi: Answers;
  startback: Answers;
}

export const NO_ANSWERS: QuestionnaireAnswers = {
  nrsLeg: null,
  nrsBack: null,
  odi: Array(10).fill(null),
  sbi: Array(4).fill(null),
  startback: Array(9).fill(null),
};

// The intake's "questionnaires" member: an instrument is sent once any of its
// items is answered, unanswered items as null (the server decides whether
// that still gives a score).
export function questionnairesDocument(a: QuestionnaireAnswers): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (a.nrsLeg !== null) q.nrs_leg = a.nrsLeg;
  if (a.nrsBack !== null) q.nrs_back = a.nrsBack;
  for (const id of ['odi', 'sbi', 'startback'] as const) {
    if (a[id].some((x) => x !== null)) q[id] = a[id];
  }
  return q;
}

// Scores of the answers so far, asked of the server after a short pause.
function useScores(doc: Record<string, unknown>) {
  const [scores, setScores] = useState<Scores | null>(null);
  const [error, setError] = useState<unknown>(null);
  const body = JSON.stringify(doc);
  useEffect(() => {
    if (body === '{}') {
      setScores({});
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      post<Scores>('/api/v1/questionnaires/score', { questionnaires: doc })
        .then((s) => {
          if (!live) return;
          setScores(s);
          setError(null);
        })
        .catch((e) => live && setError(e));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body]);
  return { scores, error };
}

function Scale(props: {
  name: string;
  legend: string;
  min: number;
  max: number;
  labels?: string[];
  value: number | null;
  invalid: boolean;
  onChange: (v: number | null) => void;
}) {
  const values: number[] = [];
  for (let v = props.min; v <= props.max; v++) values.push(v);
  return (
    <fieldset class={`scale ${props.invalid ? 'invalid' : ''}`}>
      <legend>{props.legend}</legend>
      <div class="choices">
        {values.map((v) => (
          <label key={v} class="choice">
            <input type="radio" name={props.name} value={v} checked={props.value === v}
              onChange={() => props.onChange(v)} />
            {props.labels?.[v - props.min] ?? String(v)}
          </label>
        ))}
        {props.value !== null && (
          <button type="button" class="linklike" onClick={() => props.onChange(null)}
            aria-label={`Clear the answer to ${props.legend}`}>
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}

function Instrument(props: {
  def: QuestionnaireDef | undefined;
  id: 'odi' | 'sbi' | 'startback';
  title: string;
  answers: Answers;
  badField: string;
  labels?: (item: number, max: number) => string[] | undefined;
  score: string;
  onChange: (answers: Answers) => void;
}) {
  if (!props.def) return null;
  const answered = props.answers.filter((x) => x !== null).length;
  return (
    <section class="instrument" aria-labelledby={`q-${props.id}-title`}>
      <div class="instrument-head">
        <h3 id={`q-${props.id}-title`}>{props.title}</h3>
        <p class="score" data-testid={`score-${props.id}`}>
          {props.score}
          <span class="muted small"> ({answered} of {props.answers.length} answered)</span>
        </p>
      </div>
      {props.def.items.map((item, i) => (
        <Scale key={item.number} name={`q-${props.id}-${item.number}`}
          legend={`${item.number}. ${item.text ?? item.topic}`} min={item.min} max={item.max}
          labels={item.options ?? props.labels?.(item.number, item.max)} value={props.answers[i] ?? null}
          invalid={props.badField === `questionnaires.${props.id}[${i}]`}
          onChange={(v) => props.onChange(props.answers.map((x, j) => (j === i ? v : x)))} />
      ))}
    </section>
  );
}

const one = (n: number) => n.toFixed(1);

export function QuestionnairesSection(props: {
  defs: QuestionnaireDef[];
  answers: QuestionnaireAnswers;
  badField: string;
  onChange: (a: QuestionnaireAnswers) => void;
}) {
  const { answers, onChange } = props;
  const { scores, error } = useScores(questionnairesDocument(answers));
  const def = (id: string) => props.defs.find((d) => d.id === id);
  const topicsOnly = props.defs.some((d) => d.wording === 'topics only');

  const odi = scores?.odi;
  const odiText = !odi
    ? 'ODI: not answered'
    : odi.percent === null
      ? `ODI: too few sections answered for a score`
      : `ODI ${one(odi.percent)} %: ${odi.band_label ?? odi.band}`;
  const sbi = scores?.sbi;
  const sbiText = !sbi
    ? 'SBI: not answered'
    : sbi.total === null
      ? 'SBI: answer every item for a total'
      : `SBI total ${sbi.total} of 24`;
  const sb = scores?.startback;
  const sbText = !sb
    ? 'STarT Back: not answered'
    : sb.risk === null
      ? 'STarT Back: answer every item for a risk group'
      : `STarT Back ${sb.risk} risk (total ${sb.total}, psychosocial ${sb.psychosocial})`;

  const nrs = (key: 'nrsLeg' | 'nrsBack', id: string, legend: string) => (
    <Scale name={`q-${id}`} legend={legend} min={0} max={10} value={answers[key]}
      invalid={props.badField === `questionnaires.${id}`} onChange={(v) => onChange({ ...answers, [key]: v })} />
  );

  return (
    <section class="card questionnaires" aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title">Questionnaires</h2>
      {topicsOnly && (
        <p class="muted small">
          Item topics only: read each item from the clinic's licensed form and choose the answer's number.
        </p>
      )}
      <div class="score-summary" aria-live="polite" data-testid="live-scores">
        <strong>Scores:</strong> {odiText}; {sbiText}; {sbText}.
        {error ? <ErrorBox error={error} focus={false} /> : null}
      </div>
      <section class="instrument" aria-labelledby="q-nrs-title">
        <h3 id="q-nrs-title">Pain now (0 none – 10 worst imaginable)</h3>
        {nrs('nrsLeg', 'nrs_leg', 'Leg pain now')}
        {nrs('nrsBack', 'nrs_back', 'Back pain now')}
      </section>
      <Instrument def={def('odi')} id="odi" title="Oswestry Disability Index (sections 0–5)" answers={answers.odi}
        badField={props.badField} score={odiText} onChange={(odi) => onChange({ ...answers, odi })} />
      <Instrument def={def('sbi')} id="sbi" title="Sciatica Bothersomeness Index (0–6, higher is more bothersome)"
        answers={answers.sbi} badField={props.badField} score={sbiText}
        onChange={(sbi) => onChange({ ...answers, sbi })} />
      <Instrument def={def('startback')} id="startback" title="STarT Back" answers={answers.startback}
        badField={props.badField} score={sbText}
        labels={(_, max) => (max === 1 ? ['Disagree', 'Agree'] : undefined)}
        onChange={(startback) => onChange({ ...answers, startback })} />
    </section>
  );
}
