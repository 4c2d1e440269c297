// The patient chart and the patient portal in a real browser: the clinician
// (the harness's admin account) makes two patients with portal logins, an
// approved plan and three sessions for the first; the first patient answers
// questionnaires in the portal, sees their progress and a printable home
// programme, and is refused the other patient's page; the clinician then sees
// the portal answers as a row of the chart's questionnaire table. axe-core,
// console and 768 px checks on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, expectAccessible, launch, screenshot,
  signIn, watchedPage, patientFor, portalLoginFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const family = `Chartperson${tag}`;
const otherFamily = `Otherperson${tag}`;
const patientLogin = { email: `portal-${tag}@browser-test.example`, password: 'portal-pass-2026' };
let browser;
let patientId = 0;
let otherId = 0;

const daysAgo = (n) => new Date(Date.now() - n * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');



async function answerScale(page, questionnaire, legend, value) {
  await page
    .getByRole('region', { name: questionnaire })
    .getByRole('group', { name: legend })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

describe('patient chart and portal', () => {
  before(async () => {
    browser = await launch();
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Ada', family, born: '1971-03-02' })).id;
    otherId = (await patientFor(api, { given: 'Bea', family: otherFamily, born: '1980-06-07' })).id;
    await portalLoginFor(api, patientId, { ...patientLogin, name: `Ada ${family}` });
    await portalLoginFor(api, otherId, {
      email: `other-${tag}@browser-test.example`, password: 'other-pass-2026', name: `Bea ${otherFamily}`,
    });
    await api('POST', '/api/v1/users', {
      email: `desk-${tag}@browser-test.example`, display_name: 'Front Desk', role: 'front_desk', password: 'desk-pass-2026',
    });
    // The other patient has data of their own that must never show.
    await api('POST', `/api/v1/patients/${otherId}/questionnaires`, { questionnaires: { nrs_leg: 9 } });

    const intake = JSON.parse(readFileSync(path.resolve('../../examples/l5_numbness.json'), 'utf8'));
    const assessed = (await api('POST', `/api/v1/patients/${patientId}/assessments`, { kind: 'intake', intake })).json;
    const planId = assessed.plan.id;
    const plan = await api('GET', `/api/v1/plans/${planId}`);
    await api('POST', `/api/v1/plans/${planId}/approve`, { clearance: { by: 'Dr Test', date: '2026-11-01' } }, {
      'If-Match': plan.etag,
    });
    for (const [ago, before_, after_] of [[10, 7, 3], [7, 5, 2], [3, 5, 4]]) {
      await api('POST', `/api/v1/patients/${patientId}/sessions`, {
        plan_id: planId, occurred_at: daysAgo(ago), leg_pain_before: before_, leg_pain_after: after_,
        back_pain_before: 4, back_pain_after: 2, subjective: 'Feels a little easier.',
      });
    }
  });
  after(async () => {
    await browser?.close();
  });

  test('portal: the patient answers questionnaires, sees progress and a printable home programme', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, patientLogin.email, patientLogin.password);
    await page.getByRole('heading', { name: 'Hello, Ada' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Portal' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Patients' }).count(), 0, 'no clinic navigation');
    assert.match(await page.getByTestId('portal-course').innerText(), /3 of \d+ sessions done/);
    await checkDesktopAndTablet(page, 'portal home');
    await screenshot(page, '20-portal-home');

    // An appointment request: a missing day, then a day gone by, are refused
    // in the patient's words (never a field id or a time format), then one is sent.
    await page.getByRole('button', { name: 'Send request' }).click();
    const requestRefusal = page.getByRole('alert').filter({ hasText: 'Please choose the day and time you would like.' });
    await requestRefusal.waitFor();
    assert.doesNotMatch(await requestRefusal.innerText(), /starts_at|UTC|\d{4}-\d{2}-\d{2}T/);
    await page.getByLabel('Day').fill(new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('alert').filter({ hasText: 'still to come' }).waitFor();
    const day = new Date(Date.now() + 9 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Time').fill('10:30');
    await page.getByLabel('Message for the clinic (optional)').fill('Mornings suit me best.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('status').filter({ hasText: 'Your request was sent' }).waitFor();
    await page.getByRole('region', { name: 'Your appointments' }).getByText(/45 minutes: requested/).waitFor();

    await page.getByRole('link', { name: 'Answer the questionnaires' }).click();
    await page.getByRole('heading', { name: 'Questionnaires before your session' }).waitFor();
    // Nothing answered: the server's refusal is shown with its field.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Questionnaires: must name at least one questionnaire/);

    await answerScale(page, 'Leg pain right now', 'Leg pain right now', 6);
    await answerScale(page, 'Back pain right now', 'Back pain right now', 4);
    const odi = page.getByRole('region', { name: /Oswestry/ });
    const odiGroups = odi.getByRole('group');
    assert.equal(await odiGroups.count(), 10, 'one group per Oswestry section');
    for (const group of await odiGroups.all()) await group.getByRole('radio', { name: '2', exact: true }).check();
    const sbiGroups = page.getByRole('region', { name: /Sciatica Bothersomeness/ }).getByRole('group');
    assert.equal(await sbiGroups.count(), 4);
    assert.doesNotMatch(await page.locator('main').innerText(), /unverified/, 'no reviewer notes shown to patients');
    for (const group of await sbiGroups.all()) await group.getByRole('radio', { name: '3', exact: true }).check();
    await checkDesktopAndTablet(page, 'questionnaire');
    await screenshot(page, '21-portal-questionnaire');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const saved = page.getByTestId('saved');
    await saved.waitFor();
    // The thank-you is on screen and focused, not above the form out of sight.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="saved"]');
      const r = box?.getBoundingClientRect();
      return !!r && document.activeElement === box && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    // 10 sections x 2 = 20 of 50 -> 40%; SBI 4 x 3 = 12.
    assert.match(await saved.innerText(), /Leg pain 6 of 10; Back pain 4 of 10; Oswestry 40\.0 %; SBI total 12 of 24/);

    await page.getByRole('link', { name: 'See my progress' }).click();
    await page.getByRole('heading', { name: 'My progress', level: 1 }).waitFor();
    const pain = page.getByRole('table', { name: 'Pain before and after each session' });
    assert.equal(await pain.locator('tbody tr').count(), 3);
    await page.locator('.plot canvas').first().waitFor();
    await checkDesktopAndTablet(page, 'portal progress');
    await screenshot(page, '22-portal-progress');

    await page.getByRole('link', { name: 'Home programme' }).click();
    await page.getByRole('heading', { name: 'Your home programme' }).waitFor();
    await page.getByRole('heading', { name: 'Stretches' }).waitFor();
    assert.ok((await page.locator('.home-programme li').count()) >= 2, 'home programme items');
    await checkDesktopAndTablet(page, 'home programme');
    await screenshot(page, '23-portal-home-programme');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Portal' }).isVisible(), false, 'navigation hidden in print');
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).isVisible(), false);
    assert.match(await page.locator('.print-only').innerText(), new RegExp(`Ada ${family}`));
    await screenshot(page, '24-home-programme-print');
    await page.pdf({ path: path.join(process.env.SCREENSHOT_DIR ?? '.', '24-home-programme.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // Another patient's page: a clear refusal and nothing of theirs.
    await page.goto(`${BASE_URL}/patients/${otherId}`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const body = await page.locator('body').innerText();
    assert.ok(!body.includes(otherFamily), 'no data of the other patient');
    await expectAccessible(page, 'not allowed');
    for (const suffix of ['', '/chart', '/home-programme']) {
      const answer = await page.request.get(`${BASE_URL}/api/v1/patients/${otherId}${suffix}`);
      assert.ok([403, 404].includes(answer.status()), `GET other patient${suffix}: ${answer.status()}`);
      assert.ok(!(await answer.text()).includes(otherFamily));
    }
    page.expectClean([
      /^422 POST \/api\/v1\/patients\/\d+\/questionnaires$/,
      /^422 POST \/api\/v1\/patients\/\d+\/appointment-requests$/,
    ]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  test('chart: the clinician sees the portal answers, pain per session, responder status and the timeline', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    await page.getByRole('heading', { name: `Ada ${family}` }).waitFor();

    const scores = page.getByRole('table', { name: 'Questionnaire scores over time' });
    const portalRow = scores.getByRole('row').filter({ hasText: 'Portal questionnaire' });
    assert.equal(await portalRow.count(), 1, 'one portal row');
    const cells = await portalRow.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(0, 5).map((c) => c.trim().split(' ')[0]), ['Portal', '6', '4', '40', '12']);

    const pain = page.getByRole('table', { name: 'Pain before and after each session' });
    assert.equal(await pain.locator('tbody tr').count(), 3);
    const firstSession = await pain.locator('tbody tr').first().innerText();
    assert.match(firstSession, /7\s+3\s+4\s+2/);
    assert.match(firstSession, /Lasted at least 3 days/);
    assert.match(await pain.locator('tbody tr').nth(1).innerText(), /Faded within 4 days/);
    // Leg pain 7 before the first session, 6 in the portal: one point, under the 2-point / 30% change.
    assert.match(await page.getByTestId('responder').innerText(), /No meaningful improvement yet/);
    await page.locator('.plot canvas').first().waitFor();
    assert.equal(await page.locator('.plot').count(), 2, 'two charts drawn');

    const timeline = page.getByTestId('timeline');
    const items = await timeline.locator('li').allInnerTexts();
    assert.match(items[0], /Questionnaire/, 'newest first: the portal answers');
    assert.ok(items.some((t) => /Approval/.test(t)) && items.some((t) => /Session/.test(t)));
    assert.equal(
      await page.getByRole('link', { name: 'New session note' }).getAttribute('href'), `/patients/${patientId}/sessions/new`,
    );
    assert.equal(await page.getByRole('link', { name: 'Review plan' }).getAttribute('href'), `/patients/${patientId}/plan`);
    assert.match(await page.getByTestId('course').innerText(), /3 of \d+ sessions/);
    await checkDesktopAndTablet(page, 'patient chart');
    await page.getByRole('heading', { name: 'Progress' }).scrollIntoViewIfNeeded();
    await screenshot(page, '25-patient-chart');
    page.expectClean();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  test('front desk: the patient page shows who the patient is, not the clinical record', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, `desk-${tag}@browser-test.example`, 'desk-pass-2026');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    await page.getByRole('heading', { name: `Ada ${family}` }).waitFor();
    await page.getByText('is for therapists only').waitFor();
    assert.equal(await page.getByRole('table').count(), 0, 'no pain or score tables');
    await expectAccessible(page, 'patient page for the front desk');
    page.expectClean([/^403 GET \/api\/v1\//]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });
});
