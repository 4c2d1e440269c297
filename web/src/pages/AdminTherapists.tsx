// Therapist profiles: the techniques each therapist is qualified in and their
// experience overall and with back pain and sciatica
// (GET /api/v1/therapists, PUT /api/v1/therapists/{id}/profile).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request, type Therapist, type User } from '../api';
import { ErrorBox, Loading } from '../components/common';
import { loadKnowledge } from '../knowledge';

interface TechniqueName {
  id: string;
  label: string;
}

function ProfileForm(props: { therapist: Therapist; techniques: TechniqueName[]; onSaved: (t: string) => void }) {
  const t = props.therapist;
  const [modalities, setModalities] = useState<string[]>(t.profile?.modalities ?? []);
  const [years, setYears] = useState(String(t.profile?.years_experience ?? ''));
  const [sciatica, setSciatica] = useState(String(t.profile?.sciatica_experience_years ?? ''));
  const [bio, setBio] = useState(t.profile?.bio ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bad = error instanceof ApiError ? error.field : '';
  const p = `tp-${t.id}`;
  const asNumber = (s: string) => (s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s.trim() || null);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('PUT', `/api/v1/therapists/${t.id}/profile`, {
        modalities, years_experience: asNumber(years), sciatica_experience_years: asNumber(sciatica), bio,
      });
      props.onSaved(`The profile of ${t.display_name} was saved.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby={`${p}-title`} data-testid="therapist-profile">
      <h2 id={`${p}-title`}>
        {t.display_name} <span class="muted small">({t.role})</span>
      </h2>
      <fieldset class={bad.startsWith('modalities') ? 'invalid' : ''}>
        <legend>Qualified in</legend>
        <div class="choices wrap">
          {props.techniques.map((m) => (
            <label key={m.id} class="choice">
              <input type="checkbox" checked={modalities.includes(m.id)}
                onChange={() => setModalities(modalities.includes(m.id)
                  ? modalities.filter((x) => x !== m.id) : [...modalities, m.id])} />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="grid-2">
        <div class="field">
          <label for={`${p}-years`}>Years of practice</label>
          <input id={`${p}-years`} inputMode="numeric" value={years} aria-invalid={bad === 'years_experience'}
            onInput={(e) => setYears(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${p}-sciatica`}>Years treating back pain and sciatica</label>
          <input id={`${p}-sciatica`} inputMode="numeric" value={sciatica}
            aria-invalid={bad === 'sciatica_experience_years'} onInput={(e) => setSciatica(e.currentTarget.value)} />
        </div>
      </div>
      <div class="field">
        <label for={`${p}-bio`}>About (shown to colleagues)</label>
        <textarea id={`${p}-bio`} rows={2} value={bio} aria-invalid={bad === 'bio'}
          onInput={(e) => setBio(e.currentTarget.value)} />
      </div>
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : `Save profile of ${t.display_name}`}</button>
      </div>
    </form>
  );
}

export function TherapistProfiles(_props: { me: User }) {
  const [therapists, setTherapists] = useState<Therapist[] | null>(null);
  const [techniques, setTechniques] = useState<TechniqueName[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    Promise.all([
      get<{ items: Therapist[] }>('/api/v1/therapists'),
      loadKnowledge(),
    ])
      .then(([t, k]) => {
        setTherapists(t.items.filter((x) => x.active));
        setTechniques(k.techniques);
      })
      .catch(setError);
  }, []);
  if (error) return <ErrorBox error={error} />;
  if (!therapists) return <Loading what="therapists" />;
  return (
    <>
      <p role="status" class="status-line">{status}</p>
      {therapists.length === 0 && <p>No active therapist or administrator.</p>}
      {therapists.map((t) => (
        <ProfileForm key={t.id} therapist={t} techniques={techniques} onSaved={setStatus} />
      ))}
    </>
  );
}
