// The intake's red-flag questions, grouped as the knowledge groups them
// (GET /api/v1/knowledge), each answered Yes, No, Not known or left Not asked.
// Cauda equina questions are never answered in bulk: patients may not
// volunteer these symptoms (red-flags.md, CKS), so each one is put to the
// patient and answered on its own.
import type { RedFlagQuestion } from '../api';
import { words } from './common';
import type { Answer } from './intakeDocument';

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

export function RedFlagQuestions(props: {
  flags: RedFlagQuestion[];
  answers: Record<string, Answer>;
  badField: string;
  onChange: (answers: Record<string, Answer>) => void;
}) {
  const groups = new Map<string, RedFlagQuestion[]>();
  for (const f of props.flags) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  const answerOthersNo = () => {
    const next = { ...props.answers };
    for (const f of props.flags) if (f.group !== 'ces' && !next[f.id]) next[f.id] = 'no';
    props.onChange(next);
  };
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
          {flags.map((f) => (
            <fieldset key={f.id}
              class={`flag ${props.answers[f.id] === 'yes' ? 'flag-yes' : ''} ${props.badField === `red_flags.${f.id}` ? 'invalid' : ''}`}>
              <legend>
                {f.question}
                {f.scope !== 'patient' && <span class="muted small"> ({f.scope})</span>}
              </legend>
              <div class="choices">
                {(['yes', 'no', 'unknown', ''] as Answer[]).map((a) => (
                  <label key={a} class="choice">
                    <input type="radio" name={`flag-${f.id}`} value={a} data-flag={f.id}
                      checked={(props.answers[f.id] ?? '') === a}
                      onChange={() => props.onChange({ ...props.answers, [f.id]: a })} />
                    {a === 'yes' ? 'Yes' : a === 'no' ? 'No' : a === 'unknown' ? 'Not known' : 'Not asked'}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      ))}
    </section>
  );
}
