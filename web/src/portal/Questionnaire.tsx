// Questionnaires a patient answers before a session, in the form the clinic's
// intake uses (components/QuestionnaireForm) with words for a patient: the
// scores show as they answer, and "Send my answers" stores them as a portal
// record of their chart (POST /api/v1/patients/{id}/questionnaires).
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type AssessmentRecord, type QuestionnaireDef, type Scores } from '../api';
import { ErrorBox, Link, Loading } from '../components/common';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import { loadKnowledge } from '../knowledge';
import {
  offeredDefs, questionnaireProblems, questionnairesDocument, scoreSummary, type QuestionnaireAnswers,
  type QuestionnaireVoice,
} from '../components/questionnaireAnswers';

const PAIN_ENDS = '0 = no pain; 10 = the worst pain you can imagine';

// Our own descriptions of each instrument and of the ends of its scale.
const PATIENT_VOICE: QuestionnaireVoice = {
  instruments: {
    nrs_leg: {
      title: 'Leg pain right now',
      name: 'Leg pain',
      intro: 'How strong is the pain in your leg at this moment?',
      ends: PAIN_ENDS,
    },
    nrs_back: {
      title: 'Back pain right now',
      name: 'Back pain',
      intro: 'How strong is the pain in your lower back at this moment?',
      ends: PAIN_ENDS,
    },
    odi: {
      title: 'Daily life (Oswestry Disability Index)',
      name: 'Oswestry',
      intro: 'For each part of daily life, how much does your back or leg trouble get in the way today?',
      ends: '0 = no problem at all; 5 = the most problem possible',
    },
    sbi: {
      title: 'How much your symptoms bother you (Sciatica Bothersomeness Index)',
      name: 'SBI',
      intro: 'Over the last week, how much has each of these bothered you?',
      ends: '0 = not at all; 6 = as much as it possibly could',
    },
    startback: {
      title: 'How your back affects you (Keele STarT Back)',
      name: 'STarT Back',
      intro:
        'Thinking about the last two weeks, does each statement fit you? The last one asks how much your trouble has bothered you overall.',
      ends: 'First eight: 0 = no, 1 = yes; last one: 0 = not at all, 4 = as much as it possibly could',
    },
  },
  twoChoices: ['0 (no)', '1 (yes)'],
  leaveOut: 'Leave out a part that does not apply to you.',
  answerAll: 'Answer every question for a score.',
  scoresLabel: 'Your scores so far:',
  interpret: false,
};

export function QuestionnairePage(props: { patientId: number }) {
  const [defs, setDefs] = useState<QuestionnaireDef[] | null>(null);
  const [answers, setAnswers] = useState<QuestionnaireAnswers>({});
  const [saved, setSaved] = useState<Scores | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // The thank-you appears above the long form the patient just scrolled
  // through: bring it into view and give it focus, so it is seen and read.
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!saved) return;
    savedRef.current?.focus({ preventScroll: true });
    savedRef.current?.scrollIntoView({ block: 'center' });
  }, [saved]);

  useEffect(() => {
    loadKnowledge()
      .then((k) => setDefs(offeredDefs(k.questionnaires)))
      .catch(setLoadError);
  }, []);

  if (loadError) return <ErrorBox error={loadError} />;
  if (!defs) return <Loading what="the questionnaires" />;

  const change = (next: QuestionnaireAnswers) => {
    setSaved(null);
    setError(null);
    setAnswers(next);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const stored = await post<AssessmentRecord>(`/api/v1/patients/${props.patientId}/questionnaires`, {
        questionnaires: questionnairesDocument(answers),
      });
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
        <div class="saved-box" role="status" data-testid="saved" tabIndex={-1} ref={savedRef}>
          <strong>Thank you, your answers are saved.</strong> {scoreSummary(defs, saved, PATIENT_VOICE)}.{' '}
          <Link href="/portal/progress">See my progress</Link>
        </div>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <QuestionnaireForm defs={defs} answers={answers} voice={PATIENT_VOICE} problems={questionnaireProblems(error)}
          headingLevel={2} onChange={change} />
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
