// Questionnaires a patient answers before a session: leg and back pain now,
// Oswestry (ODI) and Sciatica Bothersomeness (SBI). Licensed wording is not
// shipped (docs/questionnaire-wording.md): each item shows its topic, or the
// clinic's licensed text when the server provides it, with our own words for
// the ends of each scale. The server scores the answers.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type AssessmentRecord, type QuestionnaireDef, type Scores } from '../api';
import { ErrorBox, Link, Loading } from '../components/common';

const SHOWN = ['nrs_leg', 'nrs_back', 'odi', 'sbi', 'startback'];

// Our own descriptions of each instrument and of the ends of its scale.
const ABOUT: Record<string, { title: string; intro: string; low: string; high: string }> = {
  nrs_leg: {
    title: 'Leg pain right now',
    intro: 'How strong is the pain in your leg at this moment?',
    low: '0 = no pain',
    high: '10 = the worst pain you can imagine',
  },
  nrs_back: {
    title: 'Back pain right now',
    intro: 'How strong is the pain in your lower back at this moment?',
    low: '0 = no pain',
    high: '10 = the worst pain you can imagine',
  },
  odi: {
    title: 'Daily life (Oswestry Disability Index)',
    intro:
      'For each part of daily life, how much does your back or leg trouble get in the way today? Leave out a part that does not apply to you.',
    low: '0 = no problem at all',
    high: '5 = the most problem possible',
  },
  sbi: {
    title: 'How much your symptoms bother you (Sciatica Bothersomeness Index)',
    intro: 'Over the last week, how much has each of these bothered you?',
    low: '0 = not at all',
    high: '6 = as much as it possibly could',
  },
  startback: {
    title: 'How your back affects you (Keele STarT Back)',
    intro:
      'Thinking about the last two weeks, does each statement fit you? The last one asks how much your trouble has bothered you overall.',
    low: 'First eight: 0 = no, 1 = yes',
    high: 'last one: 0 = not at all, 4 = as much as it possibly could',
  },
};

// Our own labels for yes/no items (STarT Back 1-8); other scales show numbers.
const YES_NO = ['0 (no)', '1 (yes)'];

type Answers = Record<string, (number | null)[]>;

function ScaleItem(props: {
  name: string;
  legend: string;
  min: number;
  max: number;
  options?: string[];
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const values = Array.from({ length: props.max - props.min + 1 }, (_, i) => props.min + i);
  return (
    <fieldset class="scale-item">
      <legend>{props.legend}</legend>
      <div class="scale" role="presentation">
        {values.map((v) => (
          <label class="scale-choice" key={v}>
            <input
              type="radio"
              name={props.name}
              value={v}
              checked={props.value === v}
              onChange={() => props.onChange(v)}
            />
            <span>{props.options?.[v - props.min] ?? v}</span>
          </label>
        ))}
        {props.value !== null && (
          <button type="button" class="linklike" aria-label={`Clear: ${props.legend}`} onClick={() => props.onChange(null)}>
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}

function scoreLine(s: Scores) {
  return [
    s.nrs_leg !== undefined ? `leg pain ${s.nrs_leg}` : '',
    s.nrs_back !== undefined ? `back pain ${s.nrs_back}` : '',
    s.odi ? (s.odi.percent === null ? 'Oswestry: too few parts answered to score' : `Oswestry ${s.odi.percent}%`) : '',
    s.sbi ? (s.sbi.total === null ? 'SBI: answer all four to score' : `SBI ${s.sbi.total} of 24`) : '',
    s.startback ? (s.startback.risk ? `STarT Back ${s.startback.risk} risk` : 'STarT Back: answer all nine to score') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function QuestionnairePage(props: { patientId: number }) {
  const [defs, setDefs] = useState<QuestionnaireDef[] | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [saved, setSaved] = useState<Scores | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    get<{ questionnaires: QuestionnaireDef[] }>('/api/v1/knowledge')
      .then((k) => setDefs(SHOWN.map((id) => k.questionnaires.find((q) => q.id === id)).filter((q): q is QuestionnaireDef => !!q)))
      .catch(setLoadError);
  }, []);

  if (loadError) return <ErrorBox error={loadError} />;
  if (!defs) return <Loading what="the questionnaires" />;

  const set = (id: string, index: number, count: number, v: number | null) => {
    setSaved(null);
    setError(null);
    setAnswers((a) => {
      const list = [...(a[id] ?? Array<number | null>(count).fill(null))];
      list[index] = v;
      return { ...a, [id]: list };
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const questionnaires: Record<string, unknown> = {};
    for (const d of defs) {
      const list = answers[d.id];
      if (!list || list.every((v) => v === null)) continue;
      questionnaires[d.id] = d.items.length === 1 && d.id.startsWith('nrs_') ? list[0] : list;
    }
    setBusy(true);
    setError(null);
    try {
      const stored = await post<AssessmentRecord>(`/api/v1/patients/${props.patientId}/questionnaires`, { questionnaires });
      const result = stored.result as unknown as { scores?: Scores } | null;
      setSaved(result?.scores ?? {});
      setAnswers({});
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="q-title">
      <h1 id="q-title">Questionnaires before your session</h1>
      <p class="lead">
        Answer what you can; each part is optional. Your therapist sees your answers and the scores in your chart.
      </p>
      {saved && (
        <div class="saved-box" role="status" data-testid="saved">
          <strong>Thank you, your answers are saved.</strong> {scoreLine(saved)}.{' '}
          <Link href="/portal/progress">See my progress</Link>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        {defs.map((d) => {
          const about = ABOUT[d.id];
          return (
            <section class="card questionnaire" key={d.id} aria-labelledby={`q-${d.id}`}>
              <h2 id={`q-${d.id}`}>{d.wording === 'licensed' && d.licensed_title ? d.licensed_title : about.title}</h2>
              <p>{about.intro}</p>
              <p class="small muted">
                {about.low}; {about.high}.
              </p>
              {d.items.map((item, i) => (
                <ScaleItem
                  key={item.number}
                  name={`${d.id}-${item.number}`}
                  legend={d.items.length === 1 ? about.title : `${item.number}. ${item.text ?? item.topic}`}
                  min={item.min}
                  max={item.max}
                  options={item.options ?? (item.max === 1 && item.min === 0 ? YES_NO : undefined)}
                  value={answers[d.id]?.[i] ?? null}
                  onChange={(v) => set(d.id, i, d.items.length, v)}
                />
              ))}
              {d.copyright && <p class="small muted">{d.copyright}</p>}
            </section>
          );
        })}
        <ErrorBox error={error} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Send my answers'}
          </button>
        </div>
      </form>
    </section>
  );
}
