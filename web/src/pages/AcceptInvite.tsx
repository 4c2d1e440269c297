// The page an invitation link opens (/invite#<secret>): the patient sees who
// the link is for, chooses their own password (twice), and is signed in to
// their portal. The secret stays in the URL fragment, which browsers never
// send to a server, and goes to the API only in request bodies.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post, type SessionAnswer } from '../api';
import { ErrorBox, Loading } from '../components/common';

interface InviteAnswer {
  given_name: string;
  email: string;
  expires_at: string;
}

export function AcceptInvitePage(props: { onLogin: (s: SessionAnswer) => void }) {
  const token = location.hash.replace(/^#/, '');
  const [invite, setInvite] = useState<InviteAnswer | null>(null);
  const [gone, setGone] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!token) {
      setGone(true);
      return;
    }
    post<InviteAnswer>('/api/v1/portal-invites/lookup', { token })
      .then(setInvite)
      .catch((e) => (e instanceof ApiError && e.status === 410 ? setGone(true) : setLoadError(e)));
  }, [token]);
  useEffect(() => headingRef.current?.focus(), [invite, gone]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (password !== again) {
      setError(new Error('The two passwords are not the same. Please type it again.'));
      return;
    }
    setBusy(true);
    try {
      await post('/api/v1/portal-invites/accept', { token, password });
      // The link has done its job: sign in with the new password straight away.
      const session = await post<SessionAnswer>('/api/v1/session', { email: invite?.email, password });
      history.replaceState(null, '', '/');
      props.onLogin(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 410) setGone(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <main id="main" class="login"><ErrorBox error={loadError} /></main>;
  if (gone) {
    return (
      <main id="main" class="login">
        <h1 ref={headingRef} tabIndex={-1}>This link no longer works</h1>
        <p class="lead">
          It has been used already, a newer one was sent, or it is more than seven days old. Please ask the clinic
          for a new link.
        </p>
      </main>
    );
  }
  if (!invite) return <Loading what="your invitation" />;
  return (
    <main id="main" class="login">
      <h1 ref={headingRef} tabIndex={-1}>Welcome, {invite.given_name}</h1>
      <p class="lead">
        Choose a password for your patient portal. You will sign in with <strong>{invite.email}</strong>.
      </p>
      <form onSubmit={submit} class="card" aria-labelledby="invite-title" noValidate>
        <h2 id="invite-title">Your password</h2>
        <p class="muted small" id="invite-hint">
          At least 12 characters. A few unrelated words make a long password that is easy to remember.
        </p>
        <ErrorBox error={error} />
        <input type="email" autoComplete="username" value={invite.email} hidden readOnly />
        <label for="invite-password">New password</label>
        <input id="invite-password" type="password" autoComplete="new-password" required value={password}
          aria-describedby="invite-hint" onInput={(e) => setPassword(e.currentTarget.value)} />
        <label for="invite-again">The same password again</label>
        <input id="invite-again" type="password" autoComplete="new-password" required value={again}
          onInput={(e) => setAgain(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save my password and sign in'}
        </button>
      </form>
    </main>
  );
}
