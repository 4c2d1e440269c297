// The audit log, newest first, filtered by user, patient, action and a range
// of UTC days, a page at a time (GET /api/v1/audit). Read-only, as the
// server keeps it. People are named, and a record by its kind beside the
// patient's name, never by their numbers (issue 15).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, type AuditEntry, type Page, type Patient, type User } from '../api';
import { ErrorBox, Loading, words } from '../components/common';
import { bornText } from '../time';

const PAGE = 25;
const ACTIONS = [
  'read', 'list', 'create', 'update', 'approve', 'revoke', 'login', 'login_failed', 'login_throttled', 'logout',
  'denied',
];

interface Filters {
  user: string;
  patient: string;
  action: string;
  fromDay: string;
  toDay: string;
}

const EMPTY: Filters = { user: '', patient: '', action: '', fromDay: '', toDay: '' };

function nextDay(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// The query string for the server; the server checks every value and names
// the one it refuses.
function query(f: Filters, offset: number) {
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  if (f.user) q.set('user_id', f.user);
  if (f.patient.trim()) q.set('patient_id', f.patient.trim());
  if (f.action) q.set('action', f.action);
  if (f.fromDay) q.set('from', `${f.fromDay}T00:00:00Z`);
  if (f.toDay) q.set('to', `${nextDay(f.toDay)}T00:00:00Z`);
  return q.toString();
}

// A patient chosen by name: a search box and the matching patients (the
// first 20 by name), asked of the server after a short pause.
function PatientPicker(props: { value: string; invalid: boolean; onChange: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<Patient[]>([]);
  useEffect(() => {
    if (!search.trim()) return setShown([]);
    let live = true;
    const timer = setTimeout(() => {
      get<Page<Patient>>(`/api/v1/patients?limit=20&search=${encodeURIComponent(search.trim())}`)
        .then((p) => live && setShown(p.items))
        .catch(() => live && setShown([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);
  return (
    <>
      <div class="field">
        <label for="au-patient-search">Find patient by name</label>
        <input id="au-patient-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="au-patient">Patient</label>
        <select id="au-patient" value={props.value} aria-invalid={props.invalid}
          onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">anyone</option>
          {shown.map((p) => (
            <option key={p.id} value={String(p.id)}>{`${p.family_name}, ${p.given_name} (born ${bornText(p.date_of_birth)})`}</option>
          ))}
        </select>
      </div>
    </>
  );
}

export function AuditLog() {
  const [users, setUsers] = useState<User[]>([]);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    get<{ items: User[] }>('/api/v1/users').then((a) => setUsers(a.items)).catch(setError);
  }, []);
  useEffect(() => {
    setError(null);
    get<{ items: AuditEntry[]; total: number }>(`/api/v1/audit?${query(applied, offset)}`)
      .then(setPage)
      .catch(setError);
  }, [applied, offset]);

  const userName = (id: number | null) =>
    id === null ? '—' : users.find((u) => u.id === id)?.display_name ?? `user ${id}`;
  const bad = error instanceof ApiError ? error.field : '';
  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });

  return (
    <>
      <form class="card filters" aria-labelledby="audit-filter-title" noValidate
        onSubmit={(e) => { e.preventDefault(); setOffset(0); setApplied(draft); }}>
        <h2 id="audit-filter-title">Filter the audit log</h2>
        <div class="grid-3">
          <div class="field">
            <label for="au-user">User</label>
            <select id="au-user" value={draft.user} onChange={(e) => set({ user: e.currentTarget.value })}>
              <option value="">anyone</option>
              {users.map((u) => (
                <option key={u.id} value={String(u.id)}>{u.display_name}</option>
              ))}
            </select>
          </div>
          <PatientPicker value={draft.patient} invalid={bad === 'patient_id'} onChange={(patient) => set({ patient })} />
          <div class="field">
            <label for="au-action">Action</label>
            <select id="au-action" value={draft.action} onChange={(e) => set({ action: e.currentTarget.value })}>
              <option value="">any</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>{words(a)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="au-from">From (day, world time UTC)</label>
            <input id="au-from" type="date" value={draft.fromDay} aria-invalid={bad === 'from'}
              onInput={(e) => set({ fromDay: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for="au-to">To (day, included, world time UTC)</label>
            <input id="au-to" type="date" value={draft.toDay} aria-invalid={bad === 'to'}
              onInput={(e) => set({ toDay: e.currentTarget.value })} />
          </div>
          <div class="actions">
            <button type="submit">Show entries</button>
            <button type="button" class="secondary"
              onClick={() => { setDraft(EMPTY); setOffset(0); setApplied(EMPTY); }}>
              Clear
            </button>
          </div>
        </div>
      </form>
      <ErrorBox error={error} />
      {!page ? (
        !error && <Loading what="the audit log" />
      ) : (
        <div class="card">
          <p role="status" data-testid="audit-count">
            {page.total === 0
              ? 'No entries match.'
              : `Entries ${offset + 1}–${offset + page.items.length} of ${page.total}, newest first.`}
          </p>
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Audit entries">
            <table class="list audit" data-testid="audit">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">User</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Patient</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td>{e.at.replace('T', ' ').replace('Z', '')}</td>
                    <td>{e.user_name ?? userName(e.user_id)}</td>
                    <td>{words(e.action)}</td>
                    <td>{words(e.entity)}</td>
                    <td>{e.patient_id === null ? '—' : e.patient_name ?? 'unknown patient'}</td>
                    <td class="break small">
                      {e.detail}
                      {e.remote_addr && <span class="muted"> from {e.remote_addr}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" class="secondary" disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer entries
            </button>
            <button type="button" class="secondary" disabled={offset + PAGE >= page.total}
              onClick={() => setOffset(offset + PAGE)}>
              Older entries
            </button>
          </div>
        </div>
      )}
    </>
  );
}
