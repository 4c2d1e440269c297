// The web application in a real browser against the real server: sign in,
// create a patient, an intake through the body map by keyboard and by mouse
// that ends in a plan with reasons and evidence, a red-flag intake that ends
// in a referral and no plan, the server's refusals shown with their field,
// axe-core on every page, no console errors, and no horizontal scroll at 768 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, clinicianApi, expectAccessible, launch, noHorizontalScroll, screenshot,
  watchedPage,
} from './harness.mjs';

const family = `Testperson${Date.now() % 100000}`;
let browser;
let patientPath = '';

async function signedInPage() {
  const page = await watchedPage(browser.context);
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  return page;
}

// Opens the patient's intake from a blank form. A test that leaves its intake
// unsubmitted leaves its draft, and the page restores a draft before it draws
// the form: the next test would start from the last one's answers.
async function discardIntakeDraft() {
  await (await clinicianApi())('DELETE', `/api/v1${patientPath}/intake-draft`);
}
async function openBlankIntake(page) {
  await discardIntakeDraft();
  await page.goto(`${BASE_URL}${patientPath}/intake`);
}

// Marks a region through the editor: side stays as chosen on the map.
async function addSymptomByMouse(page, label, kind, intensity) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel(/^Intensity/).fill(String(intensity));
  await page.getByRole('button', { name: /^(Add|Update) symptom$/ }).click();
}

// The bulk answer leaves every cauda equina question open: each is answered on its own.
async function answerRedFlagsNo(page) {
  await page.getByRole('button', { name: /Answer the remaining questions/ }).click();
  assert.equal(await page.locator('input[data-flag^="ces_"]:checked:not([value=""])').count(), 0);
  for (const no of await page.locator('input[data-flag^="ces_"][value="no"]').all()) await no.check();
}

describe('Sciaticare web application', () => {
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('sign-in: a wrong password shows the server message, the right one opens Today', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, '01-login');

    await page.getByLabel('Email').fill(LOGIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'wrong email or password' }).waitFor();

    await page.getByLabel('Password').fill(LOGIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByTestId('attention').getByText(/\bof (the clinic's )?\d+ patients?\b/).waitFor();
    await expectAccessible(page, 'today');
    page.expectClean([/^401 POST \/api\/v1\/session$/]);
    await page.close();
  });

  test('patients: a refused field is named, then a new patient is created and found by search', async () => {
    const page = await signedInPage();
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    // Opening the form puts focus in its first field; cancelling returns it to the button.
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'np-given_name');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'New patient');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'np-given_name');
    await page.keyboard.type('Ada');
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Date of birth').fill('1978-04-12');
    await page.getByRole('button', { name: 'Create patient' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    // The field is named by its label, never by its API id.
    assert.match(await refusal.innerText(), /Sex: must/);
    assert.doesNotMatch(await refusal.innerText(), /server|\bsex:/);
    assert.equal(await page.getByLabel('Sex').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'patients with the new-patient form');

    await page.getByLabel('Sex').selectOption('female');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: `Ada ${family}` }).waitFor();
    patientPath = new URL(page.url()).pathname;
    assert.match(patientPath, /^\/patients\/\d+$/);

    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByLabel('Search by name').fill(family);
    await page.getByRole('link', { name: `${family}, Ada` }).waitFor();
    await expectAccessible(page, 'patients');
    await screenshot(page, '02-patients');
    page.expectClean([/^422 POST \/api\/v1\/patients$/]);
    await page.close();
  });

  test('intake: body map by keyboard and by mouse, live preview, then the plan with reasons and evidence', async () => {
    const page = await signedInPage();
    await page.goto(`${BASE_URL}${patientPath}/intake`);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    // Every region id on both sides is one button on the map.
    assert.equal(await page.locator('polygon.region').count(), 34);
    await page.getByRole('button', { name: 'left little toe', exact: true }).waitFor();

    // Keyboard: focus the right calf, Enter selects it, Tab into the editor.
    await page.getByRole('button', { name: 'right calf', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Selected: right calf' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'editor-title');
    await page.keyboard.press('Tab'); // side: "right" is checked
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'right');
    await page.keyboard.press('Tab'); // kind: "pain" is checked
    await page.keyboard.press('ArrowRight'); // numbness
    await page.keyboard.press('ArrowRight'); // tingling
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('value')), 'tingling');
    await page.keyboard.press('Tab'); // intensity
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab'); // Add symptom
    await page.keyboard.press('Enter');
    const calf = page.locator('polygon[data-region="calf"][data-side="right"]');
    assert.equal(await calf.getAttribute('data-marked'), 'tingling');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'right calf');
    await page.getByRole('row', { name: /calf right tingling 3/ }).waitFor();

    // Mouse: buttock and back of thigh, pain.
    await addSymptomByMouse(page, 'right buttock', 'pain', 6);
    await addSymptomByMouse(page, 'right back of thigh', 'pain', 5);
    assert.equal(await page.locator('[data-testid="symptoms"] tbody tr').count(), 3);
    assert.equal(await page.locator('polygon.region.marked').count(), 3);

    await page.getByLabel('Weeks since this episode began').fill('8');
    await page.getByRole('checkbox', { name: 'sitting', exact: true }).check();
    await answerRedFlagsNo(page);
    await page.locator('input[name="q-nrs_leg"][value="5"]').check();
    await page.locator('input[name="q-nrs_back"][value="3"]').check();
    const preview = page.getByTestId('preview');
    await preview.locator('.triage').waitFor();
    assert.match(await preview.innerText(), /Treat/);
    await page.getByRole('button', { name: 'right calf', exact: true }).click(); // show the editor open
    await expectAccessible(page, 'intake');
    await page.locator('#bodymap-title').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#bodymap-title')?.scrollIntoView());
    await screenshot(page, '03-intake-body-map', { fullPage: false });
    await screenshot(page, '03-intake-full');

    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    await page.getByRole('heading', { name: /^Intake result/ }).waitFor();
    const screening = page.getByTestId('screening');
    const plan = page.getByTestId('plan');
    await plan.waitFor();
    // The screening result comes first, then the plan.
    const order = await page.evaluate(() => {
      const s = document.querySelector('[data-testid="screening"]');
      const p = document.querySelector('[data-testid="plan"]');
      return s && p ? s.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    assert.ok(order, 'screening before plan');
    assert.match(await screening.innerText(), /Treat/);
    assert.equal(await page.getByTestId('referral').count(), 0);
    const techniques = page.getByTestId('technique');
    assert.ok((await techniques.count()) >= 1, 'at least one technique');
    for (const t of await techniques.all()) {
      const text = await t.innerText();
      assert.match(text, /pressure \d \(/);
      assert.match(text, /\d+ min/);
      assert.match(text, /Targets:/);
      assert.match(text, /Because/);
      assert.match(text, /Evidence: (moderate|low|very low|expert opinion|no evidence|guideline, no grade given|therapist's reasoning)/);
      assert.ok((await t.locator('ul.because li').count()) >= 1, 'a because list');
    }
    await expectAccessible(page, 'plan');
    await screenshot(page, '04-plan', { fullPage: false });
    await plan.scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('[data-testid="technique"]')?.scrollIntoView());
    await screenshot(page, '04-plan-techniques', { fullPage: false });
    await screenshot(page, '04-plan-full');
    page.expectClean();
    await page.close();
  });

  test('a red flag refers the patient unmistakably and offers no plan', async () => {
    const page = await signedInPage();
    await openBlankIntake(page);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    await addSymptomByMouse(page, 'left calf', 'pain', 6);
    await answerRedFlagsNo(page);
    await page.locator('input[name="flag-ces_bladder_dysfunction"][value="yes"]').check();
    const preview = page.getByTestId('preview');
    await preview.getByText('Refer, do not treat.').waitFor();

    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    const referral = page.getByTestId('referral');
    await referral.waitFor();
    const text = await referral.innerText();
    assert.match(text, /Refer — do not treat\. No massage plan is offered\./);
    assert.match(text, /What to do now:/);
    const screening = await page.getByTestId('screening').innerText();
    assert.match(screening, /Emergency: hospital now/);
    // The red flag in words, never its id ("ces bladder dysfunction").
    assert.match(screening, /Emergency: [^\n]*bladder/i);
    assert.doesNotMatch(screening, /\bces\b/);
    assert.equal(await page.getByTestId('plan').count(), 0, 'no plan');
    assert.equal(await page.getByTestId('technique').count(), 0, 'no technique');
    await expectAccessible(page, 'referral');
    await screenshot(page, '05-referral');
    page.expectClean();
    await page.close();
  });

  test('inflammatory back pain is asked by its features: both entry answers and three features refer to the GP', async () => {
    const page = await signedInPage();
    await openBlankIntake(page);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    await addSymptomByMouse(page, 'left calf', 'pain', 5);
    await answerRedFlagsNo(page);
    const questions = page.getByTestId('inflammatory-questions');
    // The reference's 2 entry questions and 9 features, never the one question.
    assert.equal(await questions.getByRole('group').count(), 11);
    const preview = page.getByTestId('preview');
    const yes = (id) => page.locator(`input[name="flag-ibp-${id}"][value="yes"]`).check();
    await yes('began_before_45');
    await yes('lasted_over_3_months');
    await yes('wakes_second_half_of_night');
    await yes('better_with_movement');
    await preview.getByText(/^Treat/).waitFor();  // Two features: not yet.
    await yes('buttock_pain');
    await preview.getByText('Refer: GP review before a course').waitFor();
    await expectAccessible(page, 'inflammatory back pain questions');
    page.expectClean();
    await page.close();
  });

  test("the server's refusal of an intake is shown with its field, in the preview and on submit", async () => {
    const page = await signedInPage();
    await openBlankIntake(page);
    await addSymptomByMouse(page, 'right side of hip', 'pain', 4);
    await page.getByLabel('Age (years)').fill('130');
    const preview = page.getByTestId('preview');
    await preview.getByText('Age', { exact: true }).waitFor();
    assert.match(await preview.innerText(), /Age: must be a whole number 0–120/);
    assert.doesNotMatch(await preview.innerText(), /patient\.age/, 'the field by its label, not its id');
    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    const refusal = page.locator('.submit-bar [role="alert"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Age: must be a whole number 0–120/);
    assert.equal(await page.getByLabel('Age (years)').getAttribute('aria-invalid'), 'true');
    page.expectClean([/^422 POST \/api\/v1\/assess$/, /^422 POST \/api\/v1\/patients\/\d+\/assessments$/]);
    await page.close();
  });

  // The intake keeps no list of its own: regions, their names and sides, symptom
  // kinds and activities are the ones GET /api/v1/knowledge serves.
  test('intake: the body map, its sides, kinds and activities come from the knowledge', async () => {
    const page = await signedInPage();
    await openBlankIntake(page);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    const knowledge = await page.evaluate(() => fetch('/api/v1/knowledge').then((r) => r.json()));
    for (const region of knowledge.regions) {
      for (const side of ['left', 'right']) {
        const name = `${side} ${region.label.toLowerCase()}`;
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
      }
    }
    await page.getByRole('button', { name: 'left lower back', exact: true }).click();
    const sides = page.getByRole('group', { name: 'Side', exact: true }).getByRole('radio');
    const lowerBack = knowledge.regions.find((r) => r.id === 'lower_back');
    assert.deepEqual(await sides.evaluateAll((inputs) => inputs.map((i) => i.value)), lowerBack.sides);
    await page.getByRole('button', { name: 'left calf', exact: true }).click();
    const calf = knowledge.regions.find((r) => r.id === 'calf');
    assert.deepEqual(await sides.evaluateAll((inputs) => inputs.map((i) => i.value)), calf.sides);
    const kinds = page.getByRole('group', { name: 'Kind', exact: true }).getByRole('radio');
    assert.deepEqual(await kinds.evaluateAll((inputs) => inputs.map((i) => i.value)),
      knowledge.vocabularies.symptom_kinds);
    const activities = page.getByRole('group', { name: 'Made worse by', exact: true }).getByRole('checkbox');
    assert.equal(await activities.count(), knowledge.vocabularies.activities.length);
    assert.ok(knowledge.vocabularies.activities.includes('coughing_sneezing'));
    await page.getByRole('checkbox', { name: 'coughing sneezing' }).waitFor();

    // A number field sends only what reads as a number: "Infinity" goes as
    // typed and is refused at its field, never sent as null ("not known").
    await addSymptomByMouse(page, 'left calf', 'pain', 4);
    await page.getByLabel('Weeks since this episode began').fill('Infinity');
    const preview = page.getByTestId('preview');
    await preview.getByText('Weeks since this episode began', { exact: true }).waitFor();
    page.expectClean([/^422 POST \/api\/v1\/assess$/]);
    await page.close();
  });

  test('Today lists real records: the referred patient with the reason', async () => {
    const page = await signedInPage();
    const attention = page.getByTestId('attention');
    const entry = attention.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Ada ${family}` }) });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Red flag\s+Red flag at intake on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \(emergency referral\)/);
    await screenshot(page, '06-today');
    await expectAccessible(page, 'today with records');
    page.expectClean();
    await page.close();
  });

  test('patient page lists the assessments and shows the latest result', async () => {
    const page = await signedInPage();
    await page.goto(`${BASE_URL}${patientPath}`);
    await page.getByRole('heading', { name: 'Assessments' }).waitFor();
    assert.ok((await page.locator('.assessment-list li').count()) >= 2);
    await page.getByTestId('referral').waitFor(); // the latest one referred
    await expectAccessible(page, 'patient');
    page.expectClean();
    await page.close();
  });

  test('at 768 px every page fits without horizontal scroll', async () => {
    const page = await signedInPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await discardIntakeDraft();
    for (const [path, heading] of [
      ['/', 'Today'],
      ['/patients', 'Patients'],
      [patientPath, `Ada ${family}`],
      [`${patientPath}/intake`, /^Intake:/],
    ]) {
      await page.goto(`${BASE_URL}${path}`);
      await page.getByRole('heading', { name: heading }).first().waitFor();
      await noHorizontalScroll(page);
    }
    await addSymptomByMouse(page, 'left shin and outer lower leg', 'numbness', 4);
    await noHorizontalScroll(page);
    await expectAccessible(page, 'intake at 768 px');
    await page.evaluate(() => document.querySelector('#bodymap-title')?.scrollIntoView());
    await screenshot(page, '07-intake-768px', { fullPage: false });
    page.expectClean();
    await page.close();
  });
});
