// The intake's live preview: the triage and draft plan the server would give
// the intake as it stands (POST /api/v1/assess, debounced), stored nowhere.
import { useEffect, useState } from 'preact/hooks';
import { post, type AssessmentResult } from '../api';
import { ErrorBox, TriageBadge, isReferral } from './common';

export function Preview(props: { intake: Record<string, unknown>; hasSymptoms: boolean }) {
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
