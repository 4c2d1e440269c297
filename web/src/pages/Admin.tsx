// Administration (role admin only; the server refuses everyone else): the
// clinic's users, therapist profiles, rooms, the audit log and outgoing mail,
// one tab each at /admin/users, /admin/therapists, /admin/rooms, /admin/audit
// and /admin/mail.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, request, type User } from '../api';
import { ErrorBox, Link, Loading, words } from '../components/common';
import { linkClick } from '../router';
import { AuditLog } from './AdminAudit';
import { RoomsAdmin } from './AdminRooms';
import { OutgoingMail } from './AdminMail';
import { TherapistProfiles } from './AdminTherapists';

const TABS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/therapists', label: 'Therapist profiles' },
  { href: '/admin/rooms', label: 'Rooms' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/mail', label: 'Outgoing mail' },
];

export function AdminPage(props: { path: string; user: User }) {
  if (props.user.role !== 'admin') {
    return (
      <section>
        <h1>Administration</h1>
        <p>Only a clinic administrator can open this page.</p>
      </section>
    );
  }
  const tab = TABS.find((t) => props.path.startsWith(t.href)) ?? TABS[0];
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <nav aria-label="Administration" class="tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.href}>
              <a href={t.href} aria-current={t === tab ? 'page' : undefined}
                onClick={linkClick}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab.href === '/admin/users' && <Users me={props.user} />}
      {tab.href === '/admin/therapists' && <TherapistProfiles me={props.user} />}
      {tab.href === '/admin/rooms' && <RoomsAdmin />}
      {tab.href === '/admin/audit' && <AuditLog />}
      {tab.href === '/admin/mail' && <OutgoingMail />}
    </section>
  );
}

// Staff roles only: a patient's portal login comes from the invitation on
// their own page, where they choose their own password.
const ROLES: User['role'][] = ['therapist', 'front_desk', 'admin'];

function NewUserForm(props: { onCreated: (u: User) => void }) {
  const [form, setForm] = useState({ email: '', display_name: '', role: 'therapist', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bad = error instanceof ApiError ? error.field : '';
  const field = (key: keyof typeof form) => ({
    id: `nu-${key}`,
    value: form[key],
    'aria-invalid': bad === key,
    onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {
        email: form.email, display_name: form.display_name, role: form.role, password: form.password,
      };
      const created = await post<User>('/api/v1/users', body);
      setForm({ email: '', display_name: '', role: form.role, password: '' });
      props.onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">New user</h2>
      <div class="grid-2">
        <div class="field">
          <label for="nu-display_name">Name</label>
          <input {...field('display_name')} autoComplete="off" />
        </div>
        <div class="field">
          <label for="nu-email">Email</label>
          <input {...field('email')} type="email" autoComplete="off" />
        </div>
        <div class="field">
          <label for="nu-role">Role</label>
          <select id="nu-role" value={form.role} aria-invalid={bad === 'role'}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{words(r)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="nu-password">First password (at least 12 characters, hard to guess)</label>
          <input {...field('password')} type="password" autoComplete="new-password" />
        </div>
      </div>
      <p class="muted small">Patients are invited to the portal from their own page, and choose their own password.</p>
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create user'}</button>
      </div>
    </form>
  );
}

function ResetPassword(props: { user: User; onDone: (changed: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const id = `reset-${props.user.id}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await request('PATCH', `/api/v1/users/${props.user.id}`, { password });
      props.onDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} noValidate>
      <label for={id}>New password for {props.user.display_name}</label>
      <input id={id} type="password" autoComplete="new-password" value={password}
        aria-invalid={error instanceof ApiError && error.field === 'password'}
        onInput={(e) => setPassword(e.currentTarget.value)} />
      <ErrorBox error={error} />
      <div class="actions">
        <button type="submit">Set password</button>
        <button type="button" class="secondary" onClick={() => props.onDone(false)}>Cancel</button>
      </div>
    </form>
  );
}

function Users(props: { me: User }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [resetting, setResetting] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const load = () => get<{ items: User[] }>('/api/v1/users').then((a) => setUsers(a.items)).catch(setError);
  useEffect(() => {
    load();
  }, []);

  const setActive = async (u: User, active: boolean) => {
    setError(null);
    try {
      await request('PATCH', `/api/v1/users/${u.id}`, { active });
      setStatus(`${u.display_name} is now ${active ? 'active' : 'deactivated'}.`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  if (!users) return error ? <ErrorBox error={error} /> : <Loading what="users" />;
  return (
    <>
      <NewUserForm onCreated={(u) => { setStatus(`${u.display_name} was created as ${words(u.role)}.`); load(); }} />
      <p role="status" class="status-line">{status}</p>
      <ErrorBox error={error} />
      <div class="card table-wrap">
        <h2>Users ({users.length})</h2>
        <table class="list" data-testid="users">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} class={u.active ? '' : 'inactive'}>
                <td>{u.display_name}</td>
                <td class="break">{u.email}</td>
                <td>{words(u.role)}</td>
                <td>{u.active ? 'active' : 'deactivated'}</td>
                <td>
                  {u.id === props.me.id ? (
                    <span class="muted">you</span>
                  ) : (
                    <div class="row-actions">
                      <button type="button" class="secondary small-button" onClick={() => setActive(u, !u.active)}
                        aria-label={`${u.active ? 'Deactivate' : 'Reactivate'} ${u.display_name}`}>
                        {u.active ? 'Deactivate' : 'Reactivate'}
                      </button>
                      <button type="button" class="secondary small-button" onClick={() => setResetting(u.id)}
                        aria-label={`Reset password of ${u.display_name}`}>
                        Reset password
                      </button>
                    </div>
                  )}
                  {resetting === u.id && (
                    <ResetPassword user={u} onDone={(changed) => {
                      setResetting(null);
                      if (changed) setStatus(`The password of ${u.display_name} was changed.`);
                    }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small">
        A deactivated user cannot sign in; their records and audit entries stay. <Link href="/admin/audit">See the audit log</Link>.
      </p>
    </>
  );
}
