import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, request, setCsrfToken, type SessionAnswer, type User } from './api';
import { Link, Loading } from './components/common';
import { navigate, usePath } from './router';
import { setClinicZone } from './time';
import { AcceptInvitePage } from './pages/AcceptInvite';
import { LoginPage } from './pages/Login';
import { TodayPage } from './pages/Today';
import { PatientsPage } from './pages/Patients';
import { PatientPage } from './pages/Patient';
import { IntakePage } from './pages/Intake';
import { PlanReviewPage } from './pages/PlanReview';
import { SessionNotePage } from './pages/SessionNote';
import { NoteViewPage } from './pages/NoteView';
import { WholeRecordPage } from './pages/WholeRecord';
import { LazyPortal } from './portal/LazyPortal';
import { SchedulePage } from './pages/Schedule';
import { WorkingHoursPage } from './pages/WorkingHours';
import { CalendarPage } from './pages/Calendar';
import { MyDayPage } from './pages/MyDay';
import { AdminPage } from './pages/Admin';
import './styles.css';

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Go to Today</Link>
      </p>
    </section>
  );
}

function Page(props: { path: string; user: User }) {
  const { path } = props;
  let m: RegExpExecArray | null;
  if (path === '/' || path === '/today') return <TodayPage />;
  if (path === '/patients') return <PatientsPage />;
  if ((m = /^\/patients\/(\d+)\/intake$/.exec(path))) return <IntakePage patientId={Number(m[1])} />;
  if ((m = /^\/patients\/(\d+)\/assessments\/(\d+)\/correct$/.exec(path))) {
    return <IntakePage patientId={Number(m[1])} corrects={Number(m[2])} />;
  }
  if ((m = /^\/patients\/(\d+)\/plan$/.exec(path))) return <PlanReviewPage patientId={Number(m[1])} />;
  if ((m = /^\/patients\/(\d+)\/sessions\/new$/.exec(path))) return <SessionNotePage patientId={Number(m[1])} />;
  if ((m = /^\/patients\/(\d+)\/sessions\/(\d+)$/.exec(path))) {
    return <SessionNotePage patientId={Number(m[1])} sessionId={Number(m[2])} />;
  }
  if ((m = /^\/sessions\/(\d+)$/.exec(path))) return <NoteViewPage sessionId={Number(m[1])} />;
  if ((m = /^\/patients\/(\d+)\/record$/.exec(path))) return <WholeRecordPage patientId={Number(m[1])} />;
  if ((m = /^\/patients\/(\d+)$/.exec(path))) return <PatientPage patientId={Number(m[1])} />;
  if (path === '/schedule') return <SchedulePage user={props.user} />;
  if (path === '/hours' && props.user.role !== 'front_desk') return <WorkingHoursPage user={props.user} />;
  if (path === '/calendar') return <CalendarPage user={props.user} />;
  if (path === '/my-day') return <MyDayPage user={props.user} />;
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminPage path={path} user={props.user} />;
  return <NotFound />;
}

// Set after a sign-in, so a first visit shows the sign-in form without asking
// the server for a session it does not have (an expected 401).
const SIGNED_IN = 'sciaticare.signed-in';

function App() {
  const path = usePath();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  // The clinic's zone, read once per sign-in before any page shows, so that
  // every date of the record is the clinic's day (time.ts).
  const [zoneOf, setZoneOf] = useState<number | null>(null);

  useEffect(() => {
    if (!localStorage.getItem(SIGNED_IN)) {
      setUser(null);
      return;
    }
    get<SessionAnswer>('/api/v1/session')
      .then((s) => {
        setCsrfToken(s.csrf_token);
        setUser(s.user);
      })
      .catch((e) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('session check failed', e);
        localStorage.removeItem(SIGNED_IN);
        setUser(null);
      });
  }, []);

  useEffect(() => {
    if (!user) return;
    get<{ time_zone: string }>('/api/v1/clinic/hours')
      .then((hours) => setClinicZone(hours.time_zone))
      .catch((e) => console.warn('the clinic time zone could not be read; dates show in UTC', e))
      .finally(() => setZoneOf(user.id));
  }, [user?.id]);

  useEffect(() => {
    if (user?.role === 'patient') return; // The portal sets its own titles.
    const titles: Record<string, string> = {
      '/': 'Today', '/patients': 'Patients', '/login': 'Sign in', '/invite': 'Set your password', '/schedule': 'Schedule', '/hours': 'Working hours', '/calendar': 'Calendar', '/my-day': 'My day', '/admin': 'Administration',
    };
    const sub = path.startsWith('/admin/') ? 'Administration' : path.endsWith('/intake') ? 'Intake'
      : path.endsWith('/plan') ? 'Plan review' : path.endsWith('/record') ? 'Whole record' : /\/sessions\/(new|\d+)$/.test(path) ? 'Session note' : 'Patient';
    document.title = `${titles[path] ?? sub} · Sciaticare`;
  }, [path, user]);

  const signedIn = (s: SessionAnswer) => {
    localStorage.setItem(SIGNED_IN, '1');
    setCsrfToken(s.csrf_token);
    setUser(s.user);
  };
  // An invitation link is for someone without a login yet: it opens its own page.
  if (path === '/invite' && !user) return <AcceptInvitePage onLogin={(s) => { signedIn(s); navigate('/', true); }} />;
  if (user === undefined) return <Loading what="Sciaticare" />;
  if (user === null) {
    return (
      <LoginPage
        onLogin={(s) => {
          signedIn(s);
          if (path === '/login') navigate('/', true);
        }}
      />
    );
  }

  if (zoneOf !== user.id) return <Loading what="Sciaticare" />;

  const logout = async () => {
    try {
      await request('DELETE', '/api/v1/session');
    } finally {
      localStorage.removeItem(SIGNED_IN);
      setCsrfToken('');
      setUser(null);
      navigate('/login', true);
    }
  };

  if (user.role === 'patient') return <LazyPortal user={user} path={path} onSignOut={logout} />;

  const current = (href: string) =>
    (href === '/' ? path === '/' : path.startsWith(href)) ? { 'aria-current': 'page' as const } : {};

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="app-header">
        <span class="brand">Sciaticare</span>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }} {...current('/')}>
                Today
              </a>
            </li>
            <li>
              <a href="/patients" onClick={(e) => { e.preventDefault(); navigate('/patients'); }} {...current('/patients')}>
                Patients
              </a>
            </li>
            <li>
              <a href="/schedule" onClick={(e) => { e.preventDefault(); navigate('/schedule'); }} {...current('/schedule')}>
                Schedule
              </a>
            </li>
            <li>
              <a href="/calendar" onClick={(e) => { e.preventDefault(); navigate('/calendar'); }} {...current('/calendar')}>
                Calendar
              </a>
            </li>
            {user.role !== 'front_desk' && (
              <li>
                <a href="/hours" onClick={(e) => { e.preventDefault(); navigate('/hours'); }} {...current('/hours')}>
                  Working hours
                </a>
              </li>
            )}
            {user.role === 'admin' && (
              <li>
                <a href="/admin/users" onClick={(e) => { e.preventDefault(); navigate('/admin/users'); }} {...current('/admin')}>
                  Admin
                </a>
              </li>
            )}
          </ul>
        </nav>
        <span class="who">
          {user.display_name} <span class="role">({user.role.replace('_', ' ')})</span>
        </span>
        <button type="button" class="secondary" onClick={logout}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} user={user} />
      </main>
      <footer class="app-footer">
        Decision support for qualified therapists: every plan is a draft to review and approve. It is not a diagnosis.
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
