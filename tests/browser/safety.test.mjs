// Clinical safety screens of issue 13 in a real browser: the intake asks where
// a condition is and its modifiers (a wound on the left calf keeps the draft
// plan off the left calf; contagious refers); a session note's red-flag check
// answered yes refers the patient (the chart shows the referral and the plan
// suspended, the patient is first in Needs attention); the patient's portal
// withdraws the home programme and tells them to follow the referral; the
// referral panel prints the letter, records it sent, records the doctor's
// outcome and closes the referral. Keyboard-only steps where natural; axe-core,
// console and 768 px checks on every screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, expectAccessible, launch,
  noHorizontalScroll, screenshot, signIn, tabTo, watchedPage, patientFor, portalLoginFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
// Sorted first among the clinic's patients, so that among patients of equal
// urgency this one is listed first too.
const family = `Aaasafety${tag}`;
const patientLogin = { email: `safety-${tag}@browser-test.example`, password: 'safety-pass-2026' };
let browser;
let page;
let api;
let patientId = 0;

// Signing out and in again may find the old session gone: an expected answer.
const SIGNED_OUT = /^401 GET \/api\/v1\/session$/;

async function addSymptom(label, intensity) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('radio', { name: 'pain', exact: true }).check();
  await page.getByLabel(/^Intensity/).fill(String(intensity));
  await page.getByRole('button', { name: /^(Add|Update) symptom$/ }).click();
}

async function fetchJson(url) {
  return page.evaluate(async (u) => (await fetch(u)).json(), url);
}

describe('clinical safety screens', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Cleo', family, born: '1975-04-09' })).id;
    await portalLoginFor(api, patientId, { ...patientLogin, name: `Cleo ${family}` });
    page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
  });
  after(async () => {
    await browser?.close();
  });

  test('intake: a condition asks where it is and its modifiers; the draft plan keeps off the site', async () => {
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    await addSymptom('left calf', 5);
    await addSymptom('left buttock', 5);
    // Pregnant asks whether the pregnancy is high risk (the modifier its rule reads).
    await page.getByLabel('Pregnant', { exact: true }).check();
    await page.getByLabel(/High-risk pregnancy/).waitFor();
    await page.getByLabel('Pregnant', { exact: true }).uncheck();
    assert.equal(await page.getByLabel(/High-risk pregnancy/).count(), 0);
    await page.getByRole('button', { name: /Answer the remaining questions/ }).click();
    for (const no of await page.locator('input[data-flag^="ces_"][value="no"]').all()) await no.check();

    // Keyboard only: reach the open wound, tick it, then its site and side.
    await tabTo(page, 'input[data-condition="skin_infection_open_wound"]', 400);
    await page.keyboard.press('Space');
    const details = page.getByTestId('condition-details-skin_infection_open_wound');
    await details.waitFor();
    assert.match(await details.innerText(), /Where is it\?/);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-skin_infection_open_wound');
    await page.locator('#site-skin_infection_open_wound').selectOption({ label: 'Calf' });
    await page.locator('#site-skin_infection_open_wound').focus();
    // The calf's sides, as the knowledge serves them: no midline on a leg.
    const sides = details.getByRole('group', { name: 'Side' }).getByRole('radio');
    assert.deepEqual(await sides.evaluateAll((els) => els.map((e) => e.value)), ['left', 'right', 'both']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the first side: left
    assert.equal(await details.getByRole('radio', { name: 'left', exact: true }).isChecked(), true);

    // The modifier the knowledge names for a wound: contagious refers to the GP.
    const contagious = details.getByLabel(/contagious/);
    await contagious.check();
    const preview = page.getByTestId('preview');
    await preview.getByText('Refer: GP review before a course').waitFor();
    await contagious.uncheck();
    await preview.getByText(/^Draft plan:/).waitFor();
    await checkDesktopAndTablet(page, 'intake with a condition site');
    await screenshot(page, '40-intake-condition-site');

    await page.locator('input[name="q-nrs_leg"][value="5"]').check();
    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    await page.getByRole('heading', { name: /^Intake result/ }).waitFor();
    const plan = page.getByTestId('plan');
    await plan.waitFor();
    const techniques = (await page.getByTestId('technique').allInnerTexts()).join('\n');
    assert.match(techniques, /left buttock/, 'the rest of the body is still treated');
    assert.doesNotMatch(techniques, /left calf/, 'no work over the wound on the left calf');
    const assessments = (await fetchJson(`/api/v1/patients/${patientId}/assessments`)).items;
    assert.deepEqual(assessments[0].intake.conditions, {
      skin_infection_open_wound: { present: true, regions: ['calf'], side: 'left' },
    });
    page.expectClean();
  });

  test('session note: a yes in the red-flag check refers; chart, plan and Needs attention say so', async () => {
    // The draft approved (a wound needs no clearance), so a plan can be suspended.
    const plans = (await api('GET', `/api/v1/patients/${patientId}/plans`)).json.items;
    const plan = await api('GET', `/api/v1/plans/${plans[0].id}`);
    await api('POST', `/api/v1/plans/${plans[0].id}/approve`, {}, { 'If-Match': plan.etag });

    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/new`);
    await page.getByRole('heading', { name: /^New session note:/ }).waitFor();
    const check = page.getByTestId('session-red-flags');
    assert.match(await check.innerText(), /Red-flag check/);
    await expectAccessible(page, 'session note red-flag check');
    // Keyboard only: the saddle-area question, answered yes.
    await tabTo(page, '[data-testid="session-red-flags"] input', 400);
    while (!(await page.evaluate(() => document.activeElement?.parentElement?.textContent ?? '')).includes('saddle area')) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));

    const referral = page.getByTestId('referral-record');
    await referral.first().waitFor();
    assert.match(await referral.first().innerText(), /Emergency referral raised at a session on /);
    assert.match(await referral.first().innerText(), /saddle area/);
    assert.match(await page.getByTestId('referral-advice').first().innerText(), /emergency department now/);
    assert.match(await page.getByTestId('plan-suspended').innerText(), /suspended by the referral raised at the session note of \w{3} \d+ \w{3} \d{4} at \d\d:\d\d/);
    await checkDesktopAndTablet(page, 'chart with a session referral');
    await screenshot(page, '41-chart-session-referral');

    // The next note opens with the referral, before the consent and the form.
    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/new`);
    const banner = page.getByTestId('referral-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Emergency referral on .*not yet cleared by a doctor/);
    assert.match(await banner.innerText(), /saddle area/);
    assert.match(await banner.innerText(), /emergency department now/);
    assert.ok(await page.evaluate(() => {
      const first = document.querySelector('[data-testid="referral-banner"]');
      const form = document.querySelector('[data-testid="prefill"]');
      return !!first && !!form && !!(first.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
    }), 'the referral comes before the form');
    await checkDesktopAndTablet(page, 'session note of a referred patient');

    await page.getByRole('link', { name: 'Today' }).click();
    const attention = page.getByTestId('attention');
    await attention.locator('.attention-list > li').first().waitFor();
    const first = attention.locator('.attention-list > li').first();
    assert.match(await first.innerText(), new RegExp(`Cleo ${family}`), 'the referred patient is listed first');
    assert.match(await first.innerText(), /emergency/i);
    await expectAccessible(page, 'today with a referral');
    page.expectClean();
  });

  test('portal: the suspended plan withdraws the home programme and says to follow the referral', async () => {
    // The same browser, signed in as the patient.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, patientLogin.email, patientLogin.password);
    await page.getByRole('heading', { name: 'Hello, Cleo' }).waitFor();
    await page.getByRole('link', { name: 'Read your home programme' }).click();
    const withdrawn = page.getByTestId('programme-withdrawn');
    await withdrawn.waitFor();
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Your home programme is paused/);
    const text = await withdrawn.innerText();
    assert.match(text, /referred you to a doctor/);
    assert.match(text, /Go to a hospital emergency department now/);
    assert.match(text, /Do not do the home exercises/);
    assert.doesNotMatch(text, /session|plan_id|suspended_by|\bid\b|\d{3,}/, 'plain words, no internal names or numbers');
    assert.equal(await page.getByText(/self-massage/i).count(), 0, 'no exercises are served');
    await checkDesktopAndTablet(page, 'portal withdrawn programme');
    await screenshot(page, '42-portal-withdrawn');
    page.expectClean([SIGNED_OUT]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
  });

  test('referral panel: printable letter, letter sent, the doctor\'s outcome, closed', async () => {
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const referral = page.getByTestId('referral-record').first();
    await referral.waitFor();
    assert.match(await referral.innerText(), /open: letter not yet sent/);

    // The printable letter, in plain clinical language.
    const [letter] = await Promise.all([
      page.context().waitForEvent('page'),
      referral.getByRole('link', { name: 'Print letter' }).click(),
    ]);
    await letter.waitForLoadState();
    const body = await letter.locator('main').innerText();
    assert.match(body, /To: The duty doctor, Emergency Department/);
    assert.match(body, new RegExp(`Cleo ${family}, born 9 Apr 1975`));
    assert.match(body, /Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/);
    assert.doesNotMatch(body, /\d{4}-\d{2}-\d{2}/, 'no ISO dates in the letter');
    assert.match(body, /saddle area/);
    assert.match(body, /What we advised: Stop: no massage today/);
    assert.doesNotMatch(body, /ces_|red_flags|\{|\}/, 'no field ids in the letter');
    await expectAccessible(letter, 'referral letter');
    await letter.close();

    // Keyboard only: the letter sent.
    await referral.getByLabel('Sent to').focus();
    await page.keyboard.type('St Mary\'s Emergency Department');
    await page.keyboard.press('Enter');
    await referral.getByText(/letter sent: waiting for the outcome/).waitFor();

    // The doctor's outcome.
    await referral.getByText("Record the doctor's outcome").click();
    await referral.getByLabel('Seen by').fill('Dr Osei');
    await referral.getByLabel('Their role').fill('Emergency physician');
    await referral.getByLabel('Seen on').fill('2026-11-21');
    await referral.getByLabel('What they said').fill('MRI normal, no compression. May resume gentle massage.');
    await referral.getByLabel('The doctor cleared the patient for massage').check();
    await expectAccessible(page, 'referral outcome form');
    await referral.getByRole('button', { name: 'Record outcome' }).click();
    await referral.getByText(/outcome recorded/).waitFor();
    assert.match(await referral.innerText(), /Seen by Dr Osei \(Emergency physician\) on Sat 21 Nov 2026: MRI normal/);
    assert.match(await referral.innerText(), /cleared for massage/);

    await referral.getByRole('button', { name: 'Close referral' }).click();
    await referral.getByText(/— closed/).waitFor();
    assert.equal(await referral.getByRole('button', { name: 'Close referral' }).count(), 0);
    const stored = await fetchJson(`/api/v1/patients/${patientId}/referrals`);
    assert.equal(stored.items[0].status, 'closed');
    assert.equal(stored.items[0].letters_sent[0].detail.to, 'St Mary\'s Emergency Department');
    await noHorizontalScroll(page);
    await checkDesktopAndTablet(page, 'closed referral');
    await screenshot(page, '43-referral-closed');
    page.expectClean([SIGNED_OUT]);
  });
});
