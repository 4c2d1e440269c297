// The intake's red-flag questions, grouped as the knowledge groups them
// (GET /api/v1/knowledge), each answered Yes, No, Not known or left Not asked.
// Cauda equina questions are never answered in bulk: patients may not
// volunteer these symptoms (red-flags.md, CKS), so each one is put to the
// patient and answered on its own.
import type { Knowledge, RedFlagQuestion } from '../api';
import { words } from './common';
import { INFLAMMATORY_PREFIX, type Answer } from './intakeDocument';

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

// One question answered Yes, No, Not known or left Not asked.
function Question(props: {
  id: string;
  question: string;
  note?: string;
  answer: Answer;
  flagged: boolean;
  invalid: boolean;
  onAnswer: (a: Answer) => void;
}) {
  return (
    <fieldset class={`flag ${props.answer === 'yes' && props.flagged ? 'flag-yes' : ''} ${props.invalid ? 'invalid' : ''}`}>
      <legend>
        {props.question}
        {props.note && <span class="muted small"> ({props.note})</span>}
      </legend>
      <div class="choices">
        {(['yes', 'no', 'unknown', ''] as Answer[]).map((a) => (
          <label key={a} class="choice">
            <input type="radio" name={`flag-${props.id}`} value={a} data-flag={props.id}
              checked={props.answer === a} onChange={() => props.onAnswer(a)} />
            {a === 'yes' ? 'Yes' : a === 'no' ? 'No' : a === 'unknown' ? 'Not known' : 'Not asked'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RedFlagQuestions(props: {
  flags: RedFlagQuestion[];
  // Asked in place of its single flag question (NICE NG65 via red-flags.md).
  inflammatory: Knowledge['inflammatory_back_pain'];
  answers: Record<string, Answer>;
  badField: string;
  onChange: (answers: Record<string, Answer>) => void;
}) {
  const ibp = props.inflammatory;
  const ibpQuestions = [...ibp.entry, ...ibp.features];
  const groups = new Map<string, RedFlagQuestion[]>();
  for (const f of props.flags) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const answerOthersNo = () => {
    const next = { ...props.answers };
    for (const f of props.flags) if (f.group !== 'ces' && f.id !== ibp.flag && !next[f.id]) next[f.id] = 'no';
    for (const q of ibpQuestions) next[INFLAMMATORY_PREFIX + q.id] ||= 'no';
    props.onChange(next);
  };
  const set = (key: string, a: Answer) => props.onChange({ ...props.answers, [key]: a });
  return (
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
          {flags.map((f) =>
            f.id === ibp.flag ? (
              <div key={f.id} data-testid="inflammatory-questions">
                <p class="muted small">
                  Both of the first two, and {ibp.min_features} or more of the rest, suggest inflammatory back pain
                  for the GP to assess.
                </p>
                {ibpQuestions.map((q) => (
                  <Question key={q.id} id={`ibp-${q.id}`} question={q.question}
                    answer={props.answers[INFLAMMATORY_PREFIX + q.id] ?? ''} flagged={false}
                    invalid={props.badField === `inflammatory_back_pain.${q.id}`}
                    onAnswer={(a) => set(INFLAMMATORY_PREFIX + q.id, a)} />
                ))}
              </div>
            ) : (
              <Question key={f.id} id={f.id} question={f.question}
                note={f.scope !== 'patient' ? f.scope : undefined}
                answer={props.answers[f.id] ?? ''} flagged invalid={props.badField === `red_flags.${f.id}`}
                onAnswer={(a) => set(f.id, a)} />
            ),
          )}
        </div>
      ))}
    </section>
  );
}
