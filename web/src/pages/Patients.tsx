import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post, type Page, type Patient } from '../api';
import { ErrorBox, Link, Loading, ageFrom } from '../components/common';
import { navigate } from '../router';
import { bornText } from '../time';

const EMPTY = { given_name: '', family_name: '', date_of_birth: '', sex: '', email: '', phone: '', notes: '' };
type NewPatient = typeof EMPTY;

function NewPatientForm(props: { onCreated: (p: Patient) => void; onCancel: () => void }) {
  const [form, setForm] = useState<NewPatient>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const badField = error instanceof ApiError ? error.field : '';
  // Opening the form puts the cursor in its first field, so typing starts at once.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('#np-given_name')?.focus(), []);

  const field = (name: keyof NewPatient, label: string, type: 'text' | 'date' | 'email' | 'tel' = 'text', extra: Record<string, unknown> = {}) => (
    <div class="field">
      <label for={`np-${name}`}>{label}</label>
      <input id={`np-${name}`} name={name} type={type as "text"} value={form[name]} aria-invalid={badField === name}
        onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })} {...extra} />
    </div>
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onCreated(await post<Patient>('/api/v1/patients', form));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="np-title" noValidate ref={formRef}>
      <h2 id="np-title">New patient</h2>
      <ErrorBox error={error} />
      <div class="grid-2">
        {field('given_name', 'Given name', 'text', { autoComplete: 'off' })}
        {field('family_name', 'Family name', 'text', { autoComplete: 'off' })}
        {field('date_of_birth', 'Date of birth', 'date')}
        <div class="field">
          <label for="np-sex">Sex</label>
          <select id="np-sex" name="sex" value={form.sex} aria-invalid={badField === 'sex'}
            onChange={(e) => setForm({ ...form, sex: e.currentTarget.value })}>
            <option value="">Choose…</option>
            <option value="female">female</option>
            <option value="male">male</option>
            <option value="other">other</option>
          </select>
        </div>
        {field('email', 'Email (optional)', 'email', { autoComplete: 'off' })}
        {field('phone', 'Phone (optional)', 'tel', { autoComplete: 'off' })}
      </div>
      <div class="field">
        <label for="np-notes">Notes (optional)</label>
        <textarea id="np-notes" rows={2} value={form.notes}
          onInput={(e) => setForm({ ...form, notes: e.currentTarget.value })} />
      </div>
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Create patient'}</button>
        <button type="button" class="secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}

export function PatientsPage() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState<Page<Patient> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  // Closing the form gives focus back to the button that opened it.
  const newPatientButton = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    setAdding(false);
    setTimeout(() => newPatientButton.current?.focus(), 0);
  };

  useEffect(() => {
    const timer = setTimeout(() => {
      get<Page<Patient>>(`/api/v1/patients?limit=100&search=${encodeURIComponent(search)}`)
        .then((p) => {
          setPage(p);
          setError(null);
        })
        .catch(setError);
    }, search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <section aria-labelledby="patients-title">
      <div class="page-head">
        <h1 id="patients-title">Patients</h1>
        {!adding && (
          <button type="button" ref={newPatientButton} onClick={() => setAdding(true)}>
            New patient
          </button>
        )}
      </div>
      {adding && (
        <NewPatientForm onCancel={closeForm} onCreated={(p) => navigate(`/patients/${p.id}`)} />
      )}
      <div class="field search">
        <label for="patient-search">Search by name</label>
        <input id="patient-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <ErrorBox error={error} focus={false} />
      {!page && !error && <Loading what="patients" />}
      {page && (
        <>
          <p role="status" class="muted">
            {page.total === 0 ? 'No patients found.' : `${page.total} patient${page.total === 1 ? '' : 's'}`}
          </p>
          {page.items.length > 0 && (
            <table class="list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">Age</th>
                  <th scope="col">Sex</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/patients/${p.id}`}>
                        {p.family_name}, {p.given_name}
                      </Link>
                    </td>
                    <td>{bornText(p.date_of_birth)}</td>
                    <td>{ageFrom(p.date_of_birth) ?? '–'}</td>
                    <td>{p.sex}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
