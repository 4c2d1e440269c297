// The symptom editor never carries one region's kind over to the next (issue
// 15: buttock pain was silently saved as numbness). A region chosen after
// another was marked with numbness opens at the first kind, pain; left as it
// is, it is saved as pain. Both regions are read back as recorded: from the
// intake draft after a reload (on screen and from the API) and from the
// saved assessment (from the API), never only from what the screen shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, clinicianApi, launch, patientFor, signIn, watchedPage } from './harness.mjs';

const family = `Symptomkind${Date.now() % 100000}`;
let browser;
let api;
let patientId = 0;

// The symptoms of a list as "region side kind intensity", sorted.
const described = (symptoms) => symptoms.map((s) => `${s.region} ${s.side} ${s.kind} ${s.intensity}`).sort();
const EXPECTED = ['buttock left pain 6', 'calf left numbness 4'];

// The intake draft's symptoms once the server holds `count` of them (the
// form saves its draft a moment after each change).
async function draftSymptoms(count) {
  for (let tries = 0; tries < 50; tries++) {
    const { json } = await api('GET', `/api/v1/patients/${patientId}/intake-draft`);
    const symptoms = json.draft?.state?.symptoms ?? [];
    if (symptoms.length === count) return symptoms;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the intake draft never held ${count} symptoms`);
}

describe('symptom editor kinds', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Maeve', family, born: '1972-08-19' })).id;
  });
  after(async () => {
    await browser?.close();
  });

  test('a region marked after a numb one starts at pain, and both are saved as chosen', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    const kind = (name) => page.getByRole('group', { name: 'Kind', exact: true }).getByRole('radio', { name, exact: true });

    // The calf: numbness, chosen.
    await page.getByRole('button', { name: 'left calf', exact: true }).click();
    await kind('numbness').check();
    await page.getByLabel(/^Intensity/).fill('4');
    await page.getByRole('button', { name: 'Add symptom' }).click();
    assert.equal(await page.locator('polygon[data-region="calf"][data-side="left"]').getAttribute('data-marked'), 'numbness');

    // The buttock: the editor starts afresh at pain, and the kind is left as it is.
    await page.getByRole('button', { name: 'left buttock', exact: true }).click();
    await page.getByRole('heading', { name: 'Selected: left buttock' }).waitFor();
    assert.equal(await kind('pain').isChecked(), true, 'a new region starts at pain');
    assert.equal(await kind('numbness').isChecked(), false, "the calf's kind is not carried over");
    await page.getByLabel(/^Intensity/).fill('6');
    await page.getByRole('button', { name: 'Add symptom' }).click();
    assert.equal(await page.locator('polygon[data-region="buttock"][data-side="left"]').getAttribute('data-marked'), 'pain');

    // The draft as the server holds it, then as the page restores it on return.
    assert.deepEqual(described(await draftSymptoms(2)), EXPECTED);
    await page.reload();
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    const rows = page.locator('[data-testid="symptoms"] tbody tr');
    await page.getByRole('row', { name: /buttock left pain 6/ }).waitFor();
    await page.getByRole('row', { name: /calf left numbness 4/ }).waitFor();
    assert.equal(await rows.count(), 2);

    // Saved: the assessment holds both kinds as chosen.
    await page.getByLabel('Weeks since this episode began').fill('6');
    await page.getByRole('button', { name: /Answer the remaining questions/ }).click();
    for (const no of await page.locator('input[data-flag^="ces_"][value="no"]').all()) await no.check();
    await page.locator('input[name="q-nrs_leg"][value="4"]').check();
    await page.locator('input[name="q-nrs_back"][value="2"]').check();
    const saved = page.waitForResponse((r) => r.request().method() === 'POST'
      && new URL(r.url()).pathname === `/api/v1/patients/${patientId}/assessments`);
    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    const answer = await saved;
    assert.equal(answer.status(), 201);
    const assessmentId = (await answer.json()).assessment.id;
    await page.getByRole('heading', { name: /^Intake result/ }).waitFor();
    const { json: assessment } = await api('GET', `/api/v1/assessments/${assessmentId}`);
    assert.deepEqual(described(assessment.intake.symptoms), EXPECTED);
    page.expectClean();
    await page.close();
  });
});
