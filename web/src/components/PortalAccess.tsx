// The patient's portal access on their page (staff): whether they have a
// login, their latest invitation, and "Invite to the portal", which emails
// the one-time link to the patient when the server mails, or else shows it
// to pass on, saying why (the patient sets their own password with it).
// Which of the two will happen is said before the button, so the desk knows
// whether to keep the patient at the counter for the link.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api';
import { ErrorBox } from './common';

interface Invite {
  email: string;
  created_at: string;
  expires_at: string;
  state: 'open' | 'used' | 'replaced' | 'expired';
}
// The answer to an invitation: emailed (`mailed_to`) or a link to pass on.
type InviteAnswer = Invite & { link?: string; not_mailed_text?: string; mailed_to?: string };

export interface PortalAccessAnswer {
  login: { email: string; active: boolean } | null;
  invite: Invite | null;
  // Whether an invitation made now is emailed; if not, why (no full stop).
  mails_invitations: boolean;
  why_not_mailed: string | null;
}

const STATE_TEXT: Record<Invite['state'], string> = {
  open: 'waiting for the patient to set a password',
  used: 'used',
  replaced: 'replaced by a newer link',
  expired: 'expired unused',
};

function day(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

// What pressing the button will do with the link, in the desk's words.
function deliveryText(access: PortalAccessAnswer, email: string, given: string) {
  const address = email.trim();
  const askForAddress = `Type the email address ${given} will sign in with.`;
  if (access.mails_invitations) {
    return address ? `We will email the link to ${address}.` : `${askForAddress} We will email the link to it.`;
  }
  const why = access.why_not_mailed ?? 'This server does not send mail';
  return `${address ? '' : `${askForAddress} `}${why}, so the link will not be emailed: you will be shown it here to give to ${given}.`;
}

// `initial`: the access as the page already read it, so the panel is drawn
// whole with the page instead of pushing what follows down when it arrives.
export function PortalAccess(props: {
  patient: { id: number; given_name: string; email?: string | null };
  initial?: PortalAccessAnswer;
}) {
  const { patient } = props;
  const [access, setAccess] = useState<PortalAccessAnswer | null>(props.initial ?? null);
  const [email, setEmail] = useState(patient.email ?? '');
  const [link, setLink] = useState('');
  const [notMailed, setNotMailed] = useState('');
  const [mailed, setMailed] = useState<{ to: string; until: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = () => get<PortalAccessAnswer>(`/api/v1/patients/${patient.id}/portal-access`).then(setAccess).catch(setError);
  useEffect(() => {
    if (!props.initial) load();
  }, [patient.id]);

  const invite = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const made = await post<InviteAnswer>(`/api/v1/patients/${patient.id}/portal-invite`, { email });
      setMailed(made.mailed_to ? { to: made.mailed_to, until: made.expires_at } : null);
      setLink(made.link ? `${location.origin}${made.link}` : '');
      setNotMailed(made.not_mailed_text ?? '');
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  if (!access) return error ? <ErrorBox error={error} focus={false} /> : null;
  return (
    <section class="card no-print" aria-labelledby="portal-access-title" data-testid="portal-access">
      <h2 id="portal-access-title">Patient portal</h2>
      {access.login ? (
        <p>
          {patient.given_name} signs in as <strong>{access.login.email}</strong>
          {access.login.active ? '.' : ' (this login is switched off).'}
        </p>
      ) : (
        <>
          {access.invite && (
            <p class="muted">
              Last link: sent to {access.invite.email} on {day(access.invite.created_at)},{' '}
              {STATE_TEXT[access.invite.state]}
              {access.invite.state === 'open' ? ` (until ${day(access.invite.expires_at)})` : ''}.
            </p>
          )}
          <form onSubmit={invite} noValidate class="add-row">
            <div class="field">
              <label for="invite-email">Email the patient will sign in with</label>
              <input id="invite-email" type="email" value={email} autoComplete="off"
                onInput={(e) => setEmail(e.currentTarget.value)} />
            </div>
            <p class="muted row-note" id="invite-delivery" data-testid="invite-delivery">
              {deliveryText(access, email, patient.given_name)}
            </p>
            <button type="submit" disabled={busy} aria-describedby="invite-delivery">
              {access.invite?.state === 'open' ? 'Make a new link' : 'Invite to the portal'}
            </button>
          </form>
          <ErrorBox error={error} />
          {mailed && (
            <p class="saved-box" role="status" data-testid="invite-mailed">
              We emailed the link to {mailed.to} — it works once, until {day(mailed.until)}. With it{' '}
              {patient.given_name} chooses their own password.
            </p>
          )}
          {link && (
            <div class="saved-box" role="status" data-testid="invite-link">
              {notMailed && <p>{notMailed}</p>}
              <p>
                Give this link to {patient.given_name}. It works once, for seven days; with it they choose their own
                password.
              </p>
              <label for="invite-link-text">Invitation link</label>
              <input id="invite-link-text" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="secondary" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
