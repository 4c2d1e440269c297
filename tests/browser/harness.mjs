// Shared machinery of the browser tests: Debian's chromium through
// playwright-core (never a downloaded browser), a fresh profile, axe-core
// injected into the page, and a record of console errors and failed answers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const LOGIN_EMAIL = process.env.LOGIN_EMAIL ?? '';
export const LOGIN_PASSWORD = process.env.LOGIN_PASSWORD ?? '';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.resolve('../../artifacts/screenshots');

export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'sciaticare-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A page that records what went wrong in it: console errors, uncaught
// exceptions and HTTP answers of 400 and above. Chromium logs every 4xx
// answer as a console error ("Failed to load resource"); those are checked as
// answers instead, so that a test can expect the server's refusal.
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = { console: [], failedAnswers: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.console.push(`uncaught: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedAnswers.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  page.expectClean = (allowedAnswers = []) => {
    assert.deepEqual(problems.console, [], 'no console errors');
    const unexpected = problems.failedAnswers.filter((a) => !allowedAnswers.some((re) => re.test(a)));
    assert.deepEqual(unexpected, [], 'no unexpected failed HTTP answers');
    assert.ok(!problems.failedAnswers.some((a) => a.startsWith('5')), 'no server errors');
  };
  page.problems = problems;
  return page;
}

// A watched page on a device whose own time zone is `zone`: what a person
// reads and types must still follow the clinic's clock, not the device's.
export async function watchedPageInZone(context, zone) {
  const page = await watchedPage(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zone });
  return page;
}

// axe-core on the page as it is now; fails on serious or critical violations.
export async function expectAccessible(page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the debugging protocol, so the page's Content Security
  // Policy (script-src 'self') stays on for everything else.
  if (!hasAxe) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.filter((v) => !(v.impact === 'serious' || v.impact === 'critical'));
  if (minor.length) console.log(`axe (${label}): minor: ${minor.map((v) => `${v.id}[${v.impact}]`).join(', ')}`);
  assert.deepEqual(bad, [], `axe: no serious or critical violations on ${label}`);
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px window`);
}

// Signs in through the real form (the caller waits for the page it expects next).
export async function signIn(page, email, password, base = BASE_URL) {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// Ends on Today signed in as the clinician: signs in through the form unless
// the browser still holds an earlier test's session (all suites share one).
export async function signInAsClinician(page) {
  await page.goto(`${BASE_URL}/`);
  const heading = page.getByRole('heading', { name: /^(Sign in|Today)$/ });
  await heading.waitFor();
  if ((await heading.innerText()) === 'Sign in') {
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
  }
}

// axe on the page as it is, then again at a 768 px tablet width with no
// horizontal scroll, and back to the desktop width.
export async function checkDesktopAndTablet(page, label) {
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 768, height: 1024 });
  await noHorizontalScroll(page);
  await expectAccessible(page, `${label} at 768 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

// A JSON client of the REST API signed in as the clinician, as a browser
// would be; every call must succeed (status below 300).
export async function clinicianApi() {
  const login = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: LOGIN_EMAIL, password: LOGIN_PASSWORD }),
  });
  assert.equal(login.status, 200, 'the clinician can sign in');
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  return async (method, url, body, headers = {}) => {
    const res = await fetch(`${BASE_URL}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    assert.ok(res.status < 300, `${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return { json, etag: res.headers.get('etag') };
  };
}

// The clinic's settings for one suite: `set(settings)` puts the time zone,
// opening hours and closed days given (unnamed ones empty, the notice period
// kept), and `restore()` puts back what the clinic had before the first set,
// so the next suite finds the clinic as it expects. Call restore in `after`.
export function clinicSettingsFor(api) {
  let before = null;
  return {
    async set({ time_zone, opening_hours = [], closed_days = [], notice_hours } = {}) {
      if (!before) before = (await api('GET', '/api/v1/clinic/settings')).json;
      await api('PUT', '/api/v1/clinic/settings', {
        time_zone, opening_hours, closed_days, notice_hours: notice_hours ?? before.notice_hours,
      });
    },
    async restore() {
      if (!before) return;
      const { time_zone, opening_hours, closed_days, notice_hours } = before;
      await api('PUT', '/api/v1/clinic/settings', { time_zone, opening_hours, closed_days, notice_hours });
    },
  };
}

// The people a suite books with, made through the API so each suite has its
// own and no other suite's bookings are in the way. Each returns the record
// the server answered with (its `id` and the rest).
export async function therapistFor(api, { email, name, password = 'a long enough password' }) {
  return (await api('POST', '/api/v1/users', { email, display_name: name, role: 'therapist', password })).json;
}

// A patient record; `more` takes any other field of a new patient (email, phone).
export async function patientFor(api, { given, family, born = '1975-04-05', sex = 'female', ...more }) {
  return (await api('POST', '/api/v1/patients', {
    given_name: given, family_name: family, date_of_birth: born, sex, ...more,
  })).json;
}

// A portal login for the patient with id `patientId`, shown by `name`.
export async function portalLoginFor(api, patientId, { email, password, name }) {
  return (await api('POST', '/api/v1/users', {
    email, display_name: name, role: 'patient', password, patient_id: patientId,
  })).json;
}

// Opening hours for clinicSettingsFor(api).set: open every day of the week
// from `opens` to `closes`, so a suite can book on whatever day CI runs.
export function openEveryDay(opens, closes) {
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  return days.map((weekday) => ({ weekday, opens, closes }));
}

// Presses Tab until the focused element matches `selector`: keyboard only.
export async function tabTo(page, selector, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}
