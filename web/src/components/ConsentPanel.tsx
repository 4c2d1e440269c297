// The patient's consent to hands-on work, recorded by the signed-in
// clinician: treatment, the sensitive areas (the knowledge's list, from GET
// /consents), and whether it was given verbally or in writing. Each record is
// a new entry (a withdrawal too); the one in force is shown above the form.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type Consent, type ConsentAnswer } from '../api';
import { ErrorBox, shortDate } from './common';

// The consent in force in plain words.
export function consentText(current: Consent | null): string {
  if (!current) return 'No consent recorded yet.';
  const how = `${current.form === 'written' ? 'in writing' : 'verbally'} on ${shortDate(current.recorded_at)}`;
  if (!current.treatment) return `Consent to hands-on treatment refused or withdrawn (${how}).`;
  const areas = current.areas.map((a) => a.label.toLowerCase());
  return `Consents to hands-on treatment (${how})${areas.length ? `, including: ${areas.join(', ')}` : ', no sensitive areas'}.`;
}

// `initial`: the consents as the page already read them, so the panel is drawn
// whole with the page instead of pushing what follows down when it arrives.
export function ConsentPanel(props: { patientId: number; initial?: ConsentAnswer }) {
  const url = `/api/v1/patients/${props.patientId}/consents`;
  const [answer, setAnswer] = useState<ConsentAnswer | null>(props.initial ?? null);
  const [treatment, setTreatment] = useState(true);
  const [areas, setAreas] = useState<string[]>([]);
  const [form, setForm] = useState<'verbal' | 'written'>('verbal');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () => get<ConsentAnswer>(url).then(setAnswer).catch(setError);
  useEffect(() => {
    if (!props.initial) load();
  }, [url]);

  const record = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      await post<Consent>(url, { treatment, areas: treatment ? areas : [], form, note });
      setSaved('Consent recorded.');
      setNote('');
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!answer) return error ? <ErrorBox error={error} focus={false} /> : null;
  return (
    <section class="card no-print" aria-labelledby="consent-title" data-testid="consent-panel">
      <h2 id="consent-title">Consent</h2>
      <p data-testid="consent-current">{consentText(answer.current)}</p>
      <form onSubmit={record} noValidate>
        <fieldset>
          <legend>Hands-on treatment</legend>
          <label class="choice">
            <input type="radio" name="consent-treatment" checked={treatment} onChange={() => setTreatment(true)} />
            Patient consents to treatment
          </label>
          <label class="choice">
            <input type="radio" name="consent-treatment" checked={!treatment} onChange={() => setTreatment(false)} />
            Patient refuses or withdraws consent
          </label>
        </fieldset>
        {treatment && (
          <fieldset>
            <legend>Sensitive areas the patient consents to</legend>
            <div class="choices wrap">
              {answer.sensitive_areas.map((a) => (
                <label key={a.region} class="choice">
                  <input type="checkbox" checked={areas.includes(a.region)}
                    onChange={() => setAreas(areas.includes(a.region) ? areas.filter((x) => x !== a.region) : [...areas, a.region])} />
                  {a.label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset>
          <legend>Given</legend>
          <label class="choice">
            <input type="radio" name="consent-form" checked={form === 'verbal'} onChange={() => setForm('verbal')} />
            Verbally
          </label>
          <label class="choice">
            <input type="radio" name="consent-form" checked={form === 'written'} onChange={() => setForm('written')} />
            In writing
          </label>
        </fieldset>
        <div class="field">
          <label for="consent-note">Note (optional)</label>
          <input id="consent-note" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>Record consent</button>
        <ErrorBox error={error} />
        <p role="status">{saved}</p>
      </form>
    </section>
  );
}
