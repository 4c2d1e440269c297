// The questionnaire form's words for a clinician at the intake: the
// instruments by their usual names and abbreviations, with the ODI's band.
import type { QuestionnaireVoice } from './questionnaireAnswers';

const NRS_ENDS = '0 none – 10 worst imaginable';

export const CLINICIAN_VOICE: QuestionnaireVoice = {
  instruments: {
    nrs_leg: { title: 'Leg pain now', name: 'Leg pain', ends: NRS_ENDS },
    nrs_back: { title: 'Back pain now', name: 'Back pain', ends: NRS_ENDS },
    odi: { title: 'Oswestry Disability Index', name: 'ODI', ends: 'Sections 0–5' },
    sbi: { title: 'Sciatica Bothersomeness Index', name: 'SBI', ends: '0–6, higher is more bothersome' },
    startback: {
      title: 'STarT Back',
      name: 'STarT Back',
      ends: 'Items 1–8 disagree or agree; item 9 from 0 not at all to 4 extremely',
    },
  },
  twoChoices: ['Disagree', 'Agree'],
  leaveOut: 'Sections may be left unanswered; too few give no score.',
  answerAll: 'Every item is needed for a score.',
  topicsOnly: "Item topics only: read each item from the clinic's licensed form and choose the answer's number.",
  scoresLabel: 'Scores:',
  interpret: true,
};
