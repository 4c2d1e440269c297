// The patient portal: what a user with the role "patient" sees instead of the
// clinic's screens. Its own navigation; every page reads only the signed-in
// patient's own record (the server refuses any other with 404).
import { useEffect } from 'preact/hooks';
import type { User } from '../api';
import { Link } from '../components/common';
import { navigate } from '../router';
import { PortalHome } from './PortalHome';
import { QuestionnairePage } from './Questionnaire';
import { MyProgress } from './MyProgress';
import { HomeProgrammePage } from './HomeProgramme';

const PAGES: { href: string; title: string }[] = [
  { href: '/', title: 'Home' },
  { href: '/portal/questionnaires', title: 'Questionnaires' },
  { href: '/portal/progress', title: 'My progress' },
  { href: '/portal/home-programme', title: 'Home programme' },
];

function NotAllowed() {
  return (
    <section aria-labelledby="not-allowed-title" data-testid="not-allowed">
      <h1 id="not-allowed-title">Not allowed</h1>
      <p>This page is not part of your record, or it does not exist. You can only see your own record.</p>
      <p>
        <Link href="/">Go to your portal home</Link>
      </p>
    </section>
  );
}

function PortalPage(props: { path: string; patientId: number }) {
  const { path, patientId } = props;
  const m = /^\/patients\/(\d+)(\/.*)?$/.exec(path);
  if (m) return Number(m[1]) === patientId && !m[2] ? <MyProgress patientId={patientId} /> : <NotAllowed />;
  if (path === '/' || path === '/login') return <PortalHome patientId={patientId} />;
  if (path === '/portal/questionnaires') return <QuestionnairePage patientId={patientId} />;
  if (path === '/portal/progress') return <MyProgress patientId={patientId} />;
  if (path === '/portal/home-programme') return <HomeProgrammePage patientId={patientId} />;
  return <NotAllowed />;
}

export function PortalShell(props: { user: User; path: string; onSignOut: () => void }) {
  const { user, path } = props;
  useEffect(() => {
    const page = PAGES.find((p) => p.href === path);
    document.title = `${page?.title ?? 'Portal'} · Sciaticare`;
  }, [path]);
  const current = (href: string) => (href === path || (href === '/' && path === '/login') ? { 'aria-current': 'page' as const } : {});
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="app-header portal-header">
        <span class="brand">Sciaticare · My care</span>
        <nav aria-label="Portal">
          <ul>
            {PAGES.map((p) => (
              <li key={p.href}>
                <a
                  href={p.href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(p.href);
                  }}
                  {...current(p.href)}
                >
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">{user.display_name}</span>
        <button type="button" class="secondary" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1} class="portal">
        {user.patient_id ? (
          <PortalPage path={path} patientId={user.patient_id} />
        ) : (
          <p role="alert">This login is not linked to a patient record. Please ask the clinic.</p>
        )}
      </main>
      <footer class="app-footer">
        Massage can ease sciatica for a while; it works best alongside staying active and exercise. If your symptoms change
        suddenly, contact your doctor.
      </footer>
    </>
  );
}
