// The intake kept server-side as it is typed (PUT /patients/{id}/intake-draft,
// about a second after the last change), restored on return with a notice
// and a "Discard draft" that asks first, and a browser warning on leaving
// while a save is still pending. The draft is working state, not record: the
// assessment submitted from it discards it on the server.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, request, type IntakeDraft } from '../api';
import { clinicZone, zoneClock } from '../time';
import { shortDate } from './common';

const SAVE_AFTER_MS = 1000;

export interface DraftStatus {
  restoredFrom: string | null;  // updated_at of the draft restored, while its notice shows.
  savedAt: string | null;
  failed: boolean;
  saving: boolean;  // A save waits or is on its way: leaving now would lose it.
}

// Restores `restore(state)` once from the patient's draft, then saves `state`
// whenever it changes (after `ready`), debounced. With `enabled`, the draft is
// asked for at once, beside the page's other answers rather than after them,
// and restored as soon as the page is `ready`: the form is drawn once, with
// the draft in it (`loaded`), instead of drawn and then redrawn (issue 15:
// the intake's Lighthouse performance).
export function useIntakeDraft<T>(patientId: number, enabled: boolean, ready: boolean, state: T,
  restore: (s: T) => void) {
  const [status, setStatus] = useState<DraftStatus>({ restoredFrom: null, savedAt: null, failed: false, saving: false });
  const [fetched, setFetched] = useState<{ draft: IntakeDraft | null } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const pending = useRef<number | null>(null);
  const skipNext = useRef(true);
  const url = `/api/v1/patients/${patientId}/intake-draft`;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    get<{ draft: IntakeDraft | null }>(url)
      .then((answer) => live && setFetched(answer))
      .catch(() => {
        if (!live) return;
        setStatus((s) => ({ ...s, failed: true }));
        setFetched({ draft: null });
      });
    return () => {
      live = false;
    };
  }, [enabled, url]);

  useEffect(() => {
    if (!ready || !fetched || loaded) return;
    const { draft } = fetched;
    if (draft) {
      skipNext.current = true;
      restore(draft.state as T);
      setStatus((s) => ({ ...s, restoredFrom: draft.updated_at }));
    }
    setLoaded(true);
  }, [ready, fetched, loaded]);

  useEffect(() => {
    if (!loaded) return;
    // The state just restored (or first shown) is what the server has.
    if (skipNext.current) {
      skipNext.current = false;
      return;
    }
    if (pending.current !== null) window.clearTimeout(pending.current);
    setStatus((s) => ({ ...s, saving: true }));
    pending.current = window.setTimeout(() => {
      pending.current = null;
      request<{ draft: IntakeDraft }>('PUT', url, { state })
        .then(({ data }) =>
          setStatus((s) => ({ ...s, savedAt: data.draft.updated_at, failed: false, saving: pending.current !== null })))
        .catch(() => setStatus((s) => ({ ...s, failed: true, saving: pending.current !== null })));
    }, SAVE_AFTER_MS);
  }, [state, loaded]);

  // Leaving with a save still waiting would lose the last second of typing.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current === null) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current !== null) window.clearTimeout(pending.current);
    };
  }, []);

  const discard = async () => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
    await request('DELETE', url);
    // The caller resets the form next; that reset is not a change to save.
    skipNext.current = true;
    setStatus({ restoredFrom: null, savedAt: null, failed: false, saving: false });
  };
  // Called before submitting: the server discards the draft with the assessment.
  const cancelPending = () => {
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = null;
  };
  return { status, loaded, discard, cancelPending };
}

// The notices: "Draft from … restored" with Discard (asks first), and the
// polite "Draft saved at 10:42".
export function DraftNotice(props: { status: DraftStatus; onDiscard: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const { restoredFrom, savedAt, failed, saving } = props.status;
  return (
    <div class="draft-notice no-print">
      {restoredFrom && (
        <div class="card notice" role="region" aria-label="Intake draft">
          <p>
            Draft from {shortDate(restoredFrom)} at {zoneClock(restoredFrom, clinicZone())} restored.
          </p>
          {asking ? (
            <div class="actions">
              <span>Discard this draft? What was typed is lost.</span>
              <button type="button"
                onClick={() => props.onDiscard().then(() => setAsking(false)).catch(() => setError('The draft could not be discarded. Try again.'))}>
                Yes, discard the draft
              </button>
              <button type="button" class="secondary" onClick={() => setAsking(false)}>Keep the draft</button>
            </div>
          ) : (
            <button type="button" class="secondary" onClick={() => setAsking(true)}>Discard draft</button>
          )}
          {error && <p role="alert">{error}</p>}
        </div>
      )}
      <p class="muted small" aria-live="polite" aria-busy={saving ? 'true' : 'false'} data-testid="draft-status">
        {failed ? 'The draft could not be saved; keep this page open and try again.' : savedAt ? `Draft saved at ${zoneClock(savedAt, clinicZone())}` : ''}
      </p>
    </div>
  );
}
