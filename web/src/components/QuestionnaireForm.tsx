// The outcome questionnaires (leg and back pain now, Oswestry, Sciatica
// Bothersomeness, STarT Back) as one form for both the clinic's intake and the
// patient portal: a fieldset per item, the server's scores as the answers are
// chosen, and the server's refusal next to the item it names. What differs
// between a clinician and a patient is words only (QuestionnaireVoice); the
// screen that holds the form decides how its answers are sent.
// Item texts are the topics the server publishes, or the clinic's licensed
// wording when it loaded one (docs/questionnaire-wording.md).
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type QuestionnaireDef, type QuestionnaireItem, type Scores } from '../api';
import { ErrorBox } from './common';
import {
  answeredCount, itemField, offeredDefs, questionnaireProblems, questionnairesDocument, scoreSummary, scoreText,
  withAnswer, type QuestionnaireAnswers, type QuestionnaireVoice,
} from './questionnaireAnswers';
import { FieldRefusal, fieldProps, type Problem } from './Refusals';

// Scores of the answers so far, asked of the server after a short pause.
function useScores(doc: Record<string, unknown>) {
  const [scores, setScores] = useState<Scores>({});
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

function Item(props: {
  name: string;
  legend: string;
  // A one-item instrument's legend repeats its heading: there for screen readers only.
  legendHidden: boolean;
  item: QuestionnaireItem;
  twoChoices: [string, string];
  value: number | null;
  field: string;
  problems: Problem[];
  onChange: (v: number | null) => void;
}) {
  const { item } = props;
  const labels = item.options ?? (item.min === 0 && item.max === 1 ? props.twoChoices : undefined);
  const values = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
  const group = useRef<HTMLFieldSetElement>(null);
  const clear = () => {
    props.onChange(null);
    // The Clear button goes away: keyboard users stay on this item's answers.
    group.current?.querySelector('input')?.focus();
  };
  return (
    <fieldset class="scale-item" ref={group} {...fieldProps(props.problems, props.field)}>
      <legend class={props.legendHidden ? 'visually-hidden' : undefined}>{props.legend}</legend>
      <div class="scale">
        {values.map((v) => (
          <label class="scale-choice" key={v}>
            <input type="radio" name={props.name} value={v} checked={props.value === v}
              onChange={() => props.onChange(v)} />
            <span>{labels?.[v - item.min] ?? v}</span>
          </label>
        ))}
        {props.value !== null && (
          <button type="button" class="linklike" aria-label={`Clear the answer to ${props.legend}`}
            onClick={clear}>
            Clear
          </button>
        )}
      </div>
      <FieldRefusal problems={props.problems} field={props.field} />
    </fieldset>
  );
}

export function QuestionnaireForm(props: {
  defs: QuestionnaireDef[];
  answers: QuestionnaireAnswers;
  voice: QuestionnaireVoice;
  // The refusal of what the screen sent, fields as itemField names them.
  problems: Problem[];
  headingLevel: 2 | 3;
  onChange: (answers: QuestionnaireAnswers) => void;
}) {
  const { answers, voice } = props;
  const defs = offeredDefs(props.defs);
  const { scores, error } = useScores(questionnairesDocument(answers));
  const problems = [...props.problems, ...questionnaireProblems(error)];
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const summary = scoreSummary(defs, scores, voice);

  return (
    <div class="questionnaire-form">
      {voice.topicsOnly && defs.some((d) => d.wording === 'topics only') && (
        <p class="muted small">{voice.topicsOnly}</p>
      )}
      <div class="score-summary" aria-live="polite" data-testid="live-scores">
        <strong>{voice.scoresLabel}</strong> {summary || 'none yet'}.
        {error ? <ErrorBox error={error} focus={false} /> : null}
      </div>
      {defs.map((d) => {
        const about = voice.instruments[d.id];
        const title = d.wording === 'licensed' && d.licensed_title ? d.licensed_title : (about?.title ?? d.name);
        const several = d.items.length > 1;
        return (
          <section class="instrument" key={d.id} aria-labelledby={`q-${d.id}-title`}>
            <div class="instrument-head">
              <Heading id={`q-${d.id}-title`}>{title}</Heading>
              <p class="score" data-testid={`score-${d.id}`}>
                {scoreText(d, scores, voice)}
                {several && (
                  <span class="muted small">
                    {' '}
                    ({answeredCount(answers, d.id)} of {d.items.length} answered)
                  </span>
                )}
              </p>
            </div>
            {about?.intro && <p>{about.intro}</p>}
            <p class="small muted">
              {about?.ends ?? `${d.items[0].min}–${d.items[0].max}`}.
              {several && ` ${d.unanswered_allowed ? voice.leaveOut : voice.answerAll}`}
            </p>
            {d.items.map((item, i) => (
              <Item key={item.number} name={several ? `q-${d.id}-${item.number}` : `q-${d.id}`}
                legend={several ? `${item.number}. ${item.text ?? item.topic}` : title} legendHidden={!several} item={item}
                twoChoices={voice.twoChoices} value={answers[d.id]?.[i] ?? null} field={itemField(d.id, i)}
                problems={problems} onChange={(v) => props.onChange(withAnswer(answers, d, i, v))} />
            ))}
            {d.copyright && <p class="small muted">{d.copyright}</p>}
          </section>
        );
      })}
    </div>
  );
}
