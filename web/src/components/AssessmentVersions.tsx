// An assessment's place among its versions, in plain words: "Corrected on …
// by …, because …" beside an original, "Correction of the assessment of …"
// beside its correction. The original is never changed; both stay readable.
import type { AssessmentRecord } from '../api';
import { shortDate } from './common';

const KIND_TEXT: Record<string, string> = { intake: 'Intake assessment', reassessment: 'Reassessment' };

export function assessmentTitle(a: AssessmentRecord) {
  return `${KIND_TEXT[a.kind] ?? 'Assessment'} of ${shortDate(a.created_at)}`;
}

export function CorrectionNote(props: { assessment: AssessmentRecord; all: AssessmentRecord[] }) {
  const { corrects, corrected_by: correctedBy } = props.assessment;
  const dateOf = (id: number) => {
    const other = props.all.find((x) => x.id === id);
    return other ? shortDate(other.created_at) : 'an earlier date';
  };
  if (!corrects && !correctedBy) return null;
  return (
    <div class="correction-note" data-testid="correction-note">
      {correctedBy && (
        <p>
          <strong>Corrected</strong> on {shortDate(correctedBy.at)} by {correctedBy.by_name}: {correctedBy.reason}.
          The correction replaces it; this version is kept as it was written.
        </p>
      )}
      {corrects && (
        <p>
          <strong>Correction</strong> of the assessment of {dateOf(corrects.assessment_id)}, by {corrects.by_name} on{' '}
          {shortDate(corrects.at)}. Why: {corrects.reason}
        </p>
      )}
    </div>
  );
}
