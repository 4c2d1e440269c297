// Intake questionnaires, Today, the schedule and administration in a real
// browser against the real server: scores appear as answers are chosen and
// equal the server's own scoring, a booking shows in the week view and its
// status changes, an admin creates a user and sees it listed, and the audit
// viewer filters by patient. axe-core, console errors and 768 px on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, expectAccessible, launch, noHorizontalScroll, screenshot, watchedPage,
  signInAsClinician,
} from './harness.mjs';

const stamp = Date.now() % 100000;
let browser;
let api;
let patient;

// The REST API from node, signed in as the test account, for the records the
// pages are tested on.
async function apiClient(email = LOGIN_EMAIL, password = LOGIN_PASSWORD) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, 'API sign-in');
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrf_token: csrf } = await res.json();
  return async (method, path, body, headers = {}) => {
    const r = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null, etag: r.headers.get('etag') };
  };
}

async function at768(page, label) {
  await page.setViewportSize({ width: 768, height: 1000 });
  await noHorizontalScroll(page);
  await expectAccessible(page, `${label} at 768 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('questionnaires, today, schedule and administration', () => {
  before(async () => {
    browser = await launch();
    api = await apiClient();
    const made = await api('POST', '/api/v1/patients', {
      given_name: 'Quinn', family_name: `Schedtest${stamp}`, date_of_birth: '1969-02-03', sex: 'male',
    });
    assert.equal(made.status, 201);
    patient = made.body;
    // An approved plan, so that booking can be matched to it.
    const knowledge = (await api('GET', '/api/v1/knowledge')).body;
    const red_flags = Object.fromEntries(
      knowledge.red_flags.map((f) => [f.id, false]));
    const intake = {
      patient: { age: 57, sex: 'male' },
      symptoms: [{ region: 'buttock', side: 'left', kind: 'pain', intensity: 6 }],
      onset_weeks: 10,
      red_flags,
    };
    const assessed = await api('POST', `/api/v1/patients/${patient.id}/assessments`, { kind: 'intake', intake });
    assert.equal(assessed.status, 201, JSON.stringify(assessed.body));
    const plan = assessed.body.plan;
    assert.ok(plan, 'a draft plan');
    const approved = await api('POST', `/api/v1/plans/${plan.id}/approve`, undefined, { 'If-Match': `"${plan.version}"` });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
  });
  after(async () => {
    await browser?.close();
  });

  test('intake questionnaires: scores update as answers are chosen and equal the server\'s', async () => {
    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    await page.goto(`${BASE_URL}/patients/${patient.id}/intake`);
    await page.getByRole('heading', { name: 'Questionnaires' }).waitFor();
    const odiScore = page.getByTestId('score-odi');
    assert.match(await odiScore.innerText(), /not answered/);

    const odi = [2, 3, 1, null, 2, 2, 1, 0, 2, 3];
    const sbi = [5, 4, 2, 1];
    const startback = [1, 1, 0, 1, 1, 1, 0, 1, 3];
    // One answer first: the ODI line changes before the form is complete.
    await page.locator('input[name="q-odi-1"][value="2"]').check();
    await page.getByTestId('score-odi').filter({ hasText: /1 of 10 answered/ }).waitFor();
    for (const [i, v] of odi.entries()) {
      if (v !== null) await page.locator(`input[name="q-odi-${i + 1}"][value="${v}"]`).check();
    }
    for (const [i, v] of sbi.entries()) await page.locator(`input[name="q-sbi-${i + 1}"][value="${v}"]`).check();
    for (const [i, v] of startback.slice(0, 8).entries()) {
      await page.getByRole('radio', { name: v ? 'Agree' : 'Disagree', exact: true }).and(
        page.locator(`input[name="q-startback-${i + 1}"]`)).check();
    }
    const sbScore = page.getByTestId('score-startback');
    await sbScore.filter({ hasText: /answer every item for a risk group \(8 of 9 answered\)/ }).waitFor();
    await page.locator('input[name="q-startback-9"][value="3"]').check();
    await page.locator('input[name="q-nrs_leg"][value="7"]').check();

    const expected = await api('POST', '/api/v1/questionnaires/score', { questionnaires: { odi, sbi, startback } });
    assert.equal(expected.status, 200);
    const s = expected.body;
    await odiScore.filter({ hasText: `ODI ${s.odi.percent.toFixed(1)} %` }).waitFor();
    assert.match(await odiScore.innerText(), new RegExp(s.odi.band_label));
    await page.getByTestId('score-sbi').filter({ hasText: `SBI total ${s.sbi.total} of 24` }).waitFor();
    await sbScore.filter({ hasText: `STarT Back ${s.startback.risk} risk (total ${s.startback.total}` }).waitFor();
    assert.match(await page.getByTestId('live-scores').innerText(), new RegExp(`STarT Back ${s.startback.risk} risk`));

    // Clearing an answer takes the score back to incomplete.
    await page.getByRole('button', { name: /^Clear the answer to 9\./ }).last().click();
    await sbScore.filter({ hasText: /answer every item/ }).waitFor();
    await page.locator('input[name="q-startback-9"][value="3"]').check();
    await sbScore.filter({ hasText: `STarT Back ${s.startback.risk} risk` }).waitFor();

    await expectAccessible(page, 'intake questionnaires');
    await page.getByRole('heading', { name: 'Questionnaires' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#questionnaires-title')?.scrollIntoView());
    await screenshot(page, '10-intake-questionnaires', { fullPage: false });
    await at768(page, 'intake questionnaires');
    page.expectClean();
    await page.close();
  });

  test('today: the day\'s appointments and the patients who need attention, with the reason', async () => {
    const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const early = new Date();
    early.setHours(0, 30, 0, 0); // Today in the browser's own time zone.
    const users = (await api('GET', '/api/v1/users')).body.items;
    const booked = await api('POST', '/api/v1/appointments', {
      patient_id: patient.id, therapist_id: users[0].id, starts_at: iso(early), minutes: 30, status: 'booked',
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const note = await api('POST', `/api/v1/patients/${patient.id}/sessions`, {
      occurred_at: iso(new Date()), leg_pain_before: 5, leg_pain_after: 3,
      adverse_events: [{ kind: 'soreness', severity: 'mild', note: 'next day' }],
    });
    assert.equal(note.status, 201, JSON.stringify(note.body));

    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    const appts = page.getByTestId('today-appointments');
    const row = appts.getByRole('listitem').filter({ hasText: `Quinn Schedtest${stamp}` });
    await row.waitFor();
    assert.match(await row.innerText(), /30 min with .* · booked/);
    const attention = page.getByTestId('attention');
    const entry = attention.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Quinn Schedtest${stamp}` }) });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Adverse event\s+1 adverse event at the session on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \(worst: mild\)/);
    await expectAccessible(page, 'today');
    await screenshot(page, '14-today');
    await at768(page, 'today');
    page.expectClean();
    await page.close();
  });

  test('schedule: a booking matched to the plan appears in the week view and its status changes', async () => {
    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await page.getByLabel('Find patient by name').fill(`Schedtest${stamp}`);
    await page.getByLabel('Patient', { exact: true }).selectOption(String(patient.id));
    const match = page.getByTestId('plan-match');
    await match.waitFor();
    assert.match(await match.innerText(), /session(s)? a week, \d+ in all .*Next suggested date: \w{3} \d{1,2} \w{3} \d{4}/);
    // The day is said in words, and the form's day follows it.
    const suggested = await page.getByLabel('Day').inputValue();
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    }).formatToParts(new Date(`${suggested}T12:00:00Z`)).map((x) => [x.type, x.value]));
    const inWords = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
    assert.match(await match.innerText(), new RegExp(`Next suggested date: ${inWords}\\.`), 'the day follows the plan');
    await page.getByLabel('Time').fill('10:30');
    await page.getByLabel('Length').selectOption('45');
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('status').filter({ hasText: /^Booked Quinn/ }).waitFor();

    const entry = page.getByTestId('therapist-week').getByRole('button', { name: new RegExp(`10:30.*Quinn Schedtest${stamp}`) });
    await entry.waitFor();
    assert.match(await entry.innerText(), /45 min · booked/);
    await expectAccessible(page, 'schedule');
    await screenshot(page, '11-schedule');
    await at768(page, 'schedule');

    await entry.click();
    const detail = page.getByTestId('appointment-detail');
    await detail.getByRole('button', { name: 'Mark arrived' }).click();
    await detail.filter({ hasText: 'Status: arrived' }).waitFor();
    assert.equal(await detail.getByRole('button', { name: 'Mark no-show' }).count(), 0, 'arrived is not a no-show');
    await detail.getByRole('button', { name: 'Mark done' }).click();
    await detail.filter({ hasText: 'Status: done' }).waitFor();
    assert.equal(await detail.getByRole('button', { name: /^Mark/ }).count(), 0, 'done is final');
    await page.getByTestId('therapist-week')
      .getByRole('button', { name: new RegExp(`10:30.*Quinn Schedtest${stamp}.*45 min · done`) }).waitFor();

    // A request the patient made in the portal waits in the list until staff confirm it.
    const portalEmail = `quinn${stamp}@browser-test.example`;
    const login = await api('POST', '/api/v1/users', {
      email: portalEmail, display_name: 'Quinn (portal)', role: 'patient', password: 'portal password 1',
      patient_id: patient.id,
    });
    assert.equal(login.status, 201, JSON.stringify(login.body));
    const portal = await apiClient(portalEmail, 'portal password 1');
    const wanted = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    wanted.setHours(15, 0, 0, 0);
    const asked = await portal('POST', `/api/v1/patients/${patient.id}/appointment-requests`, {
      starts_at: wanted.toISOString().replace(/\.\d{3}Z$/, 'Z'), minutes: 60, note: 'after work please',
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    await page.reload();
    const requests = page.getByTestId('requests');
    const request = requests.getByRole('listitem').filter({ hasText: 'after work please' });
    await request.waitFor();
    assert.match(await request.innerText(), new RegExp(`Quinn Schedtest${stamp}: .*60 min`));
    await request.getByRole('button', { name: 'Confirm the request' }).click();
    await page.getByRole('status').filter({ hasText: /: booked\.$/ }).waitFor();
    await requests.waitFor({ state: 'detached' }); // No request left.

    // The server refuses a booking without a patient and the page names the field.
    await page.getByLabel('Patient', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Book appointment' }).click();
    const refusal = page.locator('.booking').getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Patient: must be chosen/);
    assert.doesNotMatch(await refusal.innerText(), /patient_id|\bid\b/);
    page.expectClean([/^422 POST \/api\/v1\/appointments$/]);
    await page.close();
  });

  test('admin: creates a user and sees it listed, edits a profile, filters the audit log by patient', async () => {
    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    const users = page.getByTestId('users');
    await users.waitFor();

    const email = `tessa${stamp}@browser-test.example`;
    await page.getByLabel('Name').fill(`Tessa Therapist ${stamp}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role').selectOption('therapist');
    await page.getByLabel(/^First password/).fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Password: must be at least 12 characters/);
    await page.getByLabel(/^First password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = users.getByRole('row', { name: new RegExp(email.replace(/[.]/g, '\\.')) });
    await row.waitFor();
    assert.match(await row.innerText(), /therapist\s+active/);
    await expectAccessible(page, 'admin users');
    await screenshot(page, '12-admin-users');
    await at768(page, 'admin users');

    await row.getByRole('button', { name: /^Reset password/ }).click();
    await row.getByLabel(/^New password for/).fill('a brand new password');
    await row.getByRole('button', { name: 'Set password', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /The password of Tessa Therapist \d+ was changed\./ }).waitFor();
    await apiClient(email, 'a brand new password'); // Signs in with it.

    await row.getByRole('button', { name: /^Deactivate/ }).click();
    await users.getByRole('row', { name: new RegExp(`${email.replace(/[.]/g, '\\.')}.*deactivated`) }).waitFor();

    await page.getByRole('link', { name: 'Therapist profiles' }).click();
    const profile = page.getByTestId('therapist-profile').first();
    await profile.waitFor();
    await profile.getByRole('checkbox').first().check();
    await profile.getByLabel('Years of practice').fill('3');
    await profile.getByLabel('Years treating back pain and sciatica').fill('5');
    await profile.getByRole('button', { name: /^Save profile/ }).click();
    assert.match(await profile.getByRole("alert").innerText(), /Years treating back pain and sciatica: must not exceed/);
    await profile.getByLabel('Years treating back pain and sciatica').fill('2');
    await profile.getByRole('button', { name: /^Save profile/ }).click();
    await page.getByRole('status').filter({ hasText: /was saved/ }).waitFor();
    await expectAccessible(page, 'therapist profiles');
    await at768(page, 'therapist profiles');

    await page.getByRole('link', { name: 'Audit log' }).click();
    const audit = page.getByTestId('audit');
    await audit.waitFor();
    // The patient is chosen by name, and the log names people, never their ids.
    await page.getByLabel('Find patient by name').fill(`Schedtest${stamp}`);
    await page.getByRole('option', { name: new RegExp(`^Schedtest${stamp}, Quinn`) }).waitFor({ state: 'attached' });
    await page.getByLabel('Patient', { exact: true }).selectOption(String(patient.id));
    await page.getByRole('button', { name: 'Show entries' }).click();
    await page.getByTestId('audit-count').filter({ hasText: /^Entries 1–/ }).waitFor();
    // The unfiltered page also reads "Entries 1–…": wait until the filtered
    // answer has replaced it (every row about the chosen patient).
    const name = `Quinn Schedtest${stamp}`;
    await page.waitForFunction((name) => {
      const cells = [...document.querySelectorAll('[data-testid="audit"] tbody tr td:nth-child(5)')];
      return cells.length > 0 && cells.every((cell) => cell.textContent.trim() === name);
    }, name);
    const patients = await audit.locator('tbody tr td:nth-child(5)').allInnerTexts();
    assert.ok(patients.length >= 3, `entries about the patient (${patients.length})`);
    assert.deepEqual([...new Set(patients)], [name], 'only the chosen patient, by name');
    const actors = await audit.locator('tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(actors.every((u) => !/^user \d+$/.test(u)), `users by name (${actors})`);
    const records = await audit.locator('tbody tr td:nth-child(4)').allInnerTexts();
    assert.ok(records.every((r) => /^[a-z ]+$/.test(r)), `records by kind, never by number (${records})`);
    const actions = await audit.locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert.ok(actions.includes('approve'), 'the plan approval is listed');
    await page.getByLabel('Action').selectOption('approve');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await page.getByTestId('audit-count').filter({ hasText: /^Entries 1–1 of 1,/ }).waitFor();
    await expectAccessible(page, 'audit log');
    await screenshot(page, '13-admin-audit');

    // A day range: entries happen today (UTC), none tomorrow; pages of 25 go back in time.
    const day = (offset) => new Date(Date.now() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByRole('button', { name: 'Clear' }).click();
    const count = page.getByTestId('audit-count');
    await count.filter({ hasText: /^Entries 1–25 of \d+,/ }).waitFor();
    const total = Number((await count.innerText()).match(/of (\d+),/)[1]);
    assert.ok(total > 25, `more than one page (${total})`);
    await page.getByRole('button', { name: 'Older entries' }).click();
    await count.filter({ hasText: new RegExp(`^Entries 26–${Math.min(50, total)} of ${total},`) }).waitFor();
    await page.getByLabel('From (day, world time UTC)').fill(day(1));
    await page.getByRole('button', { name: 'Show entries' }).click();
    await count.filter({ hasText: 'No entries match.' }).waitFor();
    await page.getByLabel('From (day, world time UTC)').fill(day(0));
    await page.getByLabel('To (day, included, world time UTC)').fill(day(0));
    await page.getByRole('button', { name: 'Show entries' }).click();
    await count.filter({ hasText: /^Entries 1–/ }).waitFor();
    await at768(page, 'audit log');
    page.expectClean([/^422 POST \/api\/v1\/users$/, /^422 PUT \/api\/v1\/therapists\/\d+\/profile$/]);
    await page.close();
  });
});
