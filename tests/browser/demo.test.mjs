// The demo clinic of `serve --demo` in a real browser, as a person who has
// just run scripts/run.sh sees it: this test starts its own server with a
// fresh demo database (the binary from SCIATICARE_BIN), signs in with the
// published demo logins, and opens Today, the patient list, a patient's chart
// with eight weeks of progress, the plan review with its versions, and a
// patient's portal. axe-core, console and 768 px checks on every page, and a
// screenshot of each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkDesktopAndTablet, launch, screenshot, signIn as signInAt, watchedPage,
} from './harness.mjs';

const BIN = process.env.SCIATICARE_BIN ?? path.resolve('../../build/sciaticare');
const THERAPIST = { email: 'nadia.okafor@riverside.example', password: 'demo-therapist-2026' };
const PATIENT = { email: 'declan.furlong@example.com', password: 'demo-patient-2026' };

let server;
let dir;
let base;
let browser;

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForHealth(url) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo server did not answer /healthz');
}



// The demo patient the chart and plan review are shown for: one whose plan
// has a therapist's revision and whose sessions fill the chart.
async function patientWithVersions() {
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(THERAPIST),
  });
  assert.equal(login.status, 200, 'the demo therapist can sign in');
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const get = async (url) => (await fetch(`${base}${url}`, { headers: { Cookie: cookie } })).json();
  const { items } = await get('/api/v1/patients?limit=100');
  assert.equal(items.length, 30, 'the demo has 30 patients');
  for (const p of items) {
    const plans = (await get(`/api/v1/patients/${p.id}/plans`)).items;
    if (plans.length >= 2 && plans.at(-1).status === 'approved') return p;
  }
  throw new Error('no demo patient has a revised plan');
}

describe('demo clinic', () => {
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sciaticare-demo-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(BIN, ['serve', '--demo', '--address', '127.0.0.1', '--port', String(port),
      '--db', `sqlite:${path.join(dir, 'demo.db')}`], { stdio: 'ignore' });
    await waitForHealth(base);
    browser = await launch();
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) server.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a demo therapist finds today, the patients, a chart with progress and a plan with versions', async () => {
    const page = await watchedPage(browser.context);
    await signInAt(page, THERAPIST.email, THERAPIST.password, base);
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    // The demo books visits for today and has patients who need attention, one of them referred.
    await page.getByTestId('today-appointments').getByRole('listitem').first().waitFor();
    const attention = page.getByTestId('attention');
    await attention.getByRole('listitem').first().waitFor();
    assert.match(await attention.innerText(), /Red flag at intake/);
    await checkDesktopAndTablet(page, 'demo today');
    await screenshot(page, 'demo-today');

    await page.goto(`${base}/patients`);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Hartwell/ }).first().waitFor();
    await checkDesktopAndTablet(page, 'demo patients');
    await screenshot(page, 'demo-patients');

    const patient = await patientWithVersions();
    await page.goto(`${base}/patients/${patient.id}`);
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkDesktopAndTablet(page, 'demo chart');
    await screenshot(page, 'demo-chart');

    await page.goto(`${base}/patients/${patient.id}/plan`);
    await page.getByRole('heading', { name: /Plan review/, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Versions', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkDesktopAndTablet(page, 'demo plan review');
    await screenshot(page, 'demo-plan-review');
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
    await page.close();
  });

  test('a demo patient signs in to the portal and sees their course and appointments', async () => {
    const page = await watchedPage(browser.context);
    await page.context().clearCookies();
    await signInAt(page, PATIENT.email, PATIENT.password, base);
    await page.getByRole('heading', { name: 'Hello, Declan', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Your appointments' }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkDesktopAndTablet(page, 'demo portal');
    await screenshot(page, 'demo-portal');
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
    await page.close();
  });
});
