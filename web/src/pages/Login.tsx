import { useState } from 'preact/hooks';
import { post, type SessionAnswer } from '../api';
import { ErrorBox } from '../components/common';

export function LoginPage(props: { onLogin: (s: SessionAnswer) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onLogin(await post<SessionAnswer>('/api/v1/session', { email, password }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="login">
      <h1>Sciaticare</h1>
      <p class="lead">Massage therapy for sciatica: screening, scores and draft plans for your clinic.</p>
      <form onSubmit={submit} class="card" aria-labelledby="login-title">
        <h2 id="login-title">Sign in</h2>
        <ErrorBox error={error} />
        <label for="email">Email</label>
        <input id="email" type="email" autoComplete="username" required value={email}
          onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" required value={password}
          onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
