// An assessment corrected without overwriting, in a real browser: the chart
// shows the patient's history (presenting complaint, past history,
// medication, goals) from the latest assessment in plain words; "Correct this
// assessment" opens the intake prefilled from it and asks the reason; after
// saving, the chart shows the original marked as corrected (who, why) beside
// its correction, the history as corrected, and the whole record both
// versions with the reason. axe-core, console and 768 px checks on each screen.
// A correction made with the keyboard alone keeps every field of the intake it
// corrects that the clinician did not change, those the form does not show too
// (what relieves the pain, a condition's further sites).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, signIn, tabTo, watchedPage,
  patientFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
const intake = example('chronic_mild');
let browser;
let patientId = 0;

describe('a corrected assessment and the history on the chart', () => {
  before(async () => {
    browser = await launch();
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Cora', family: `Correcttest${tag}`, born: '1979-04-30' })).id;
    intake.history = {
      presenting_complaint: 'Pain from the left buttock to the calf for six weeks',
      medication: 'Ibuprofen 200 mg as needed',
      goals: 'Walk the dog for half an hour',
    };
    await api('POST', `/api/v1/patients/${patientId}/assessments`, { kind: 'intake', intake });
  });
  after(async () => {
    await browser?.close();
  });

  test('the chart shows the history of the latest assessment in plain words', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const history = page.getByTestId('chart-history');
    await history.waitFor();
    const text = await history.innerText();
    assert.match(text, /Presenting complaint\s+Pain from the left buttock to the calf for six weeks/);
    assert.match(text, /Medication\s+Ibuprofen 200 mg as needed/);
    assert.match(text, /Patient's goals\s+Walk the dog for half an hour/);
    assert.doesNotMatch(text, /presenting_complaint|Past history/);
    await checkDesktopAndTablet(page, 'chart with the history');
    page.expectClean();
    await page.close();
  });

  test('a correction opens prefilled, asks why, and keeps the original beside it', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    await page.getByRole('link', { name: 'Correct this assessment' }).click();
    await page.getByRole('heading', { name: /^Correct the intake assessment of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}: Cora/ }).waitFor();
    const medication = page.getByRole('textbox', { name: 'Medication', exact: true });
    assert.equal(await medication.inputValue(), 'Ibuprofen 200 mg as needed');
    assert.equal(await page.getByLabel('Weeks since this episode began').inputValue(), String(intake.onset_weeks ?? ''));
    await checkDesktopAndTablet(page, 'correction form');

    // Without a reason the server refuses it, naming the reason in plain words.
    await medication.fill('Naproxen 250 mg twice a day');
    await page.getByRole('button', { name: 'Save the correction and see the result' }).click();
    await page.getByRole('alert').filter({ hasText: /reason/i }).waitFor();
    await page.getByLabel('Reason for the correction (required)').fill('Medication was written down wrongly');
    await page.getByRole('button', { name: 'Save the correction and see the result' }).click();
    await page.getByRole('heading', { name: /^Intake result: Cora/ }).waitFor();
    // The plan's reassessment names its measures as a clinician does.
    const reassess = await page.getByText(/^After sessions? /).innerText();
    assert.match(reassess, /leg pain \(0–10\).*Oswestry Disability Index/);
    assert.doesNotMatch(reassess, /nrs|odi|rmdq|_/);

    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const list = page.getByTestId('assessment-list');
    await list.getByText(/^Corrected/).waitFor();
    const text = await list.innerText();
    assert.match(text, /Corrected on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} by .+: Medication was written down wrongly\./);
    assert.match(text, /Correction of the assessment of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, by .+ on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}\. Why: Medication was written down wrongly/);
    assert.match(await page.getByTestId('chart-history').innerText(), /Naproxen 250 mg twice a day/);
    await checkDesktopAndTablet(page, 'chart with a corrected assessment');

    await page.goto(`${BASE_URL}/patients/${patientId}/record`);
    const record = page.getByTestId('whole-record');
    await record.getByText(/^Corrected on/).waitFor();
    const printed = await record.innerText();
    assert.match(printed, /Born 30 Apr 1979; printed (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}\./);
    assert.doesNotMatch(printed, /\d{4}-\d\d-\d\d/);
    assert.match(printed, /Ibuprofen 200 mg as needed/); // The original, as written.
    assert.match(printed, /Naproxen 250 mg twice a day/); // Its correction.
    assert.match(printed, /Why: Medication was written down wrongly/);
    await checkDesktopAndTablet(page, 'whole record with a corrected assessment');
    page.expectClean([/^422 POST \/api\/v1\/patients\/\d+\/assessments$/]);
    await page.close();
  });

  test('a correction typed with the keyboard keeps every field the clinician did not change', async () => {
    const api = await clinicianApi();
    const { id } = await patientFor(api, { given: 'Kit', family: `Keepfields${tag}`, born: '1969-02-11' });
    // What relieves the pain and a condition on three regions: the form shows neither whole.
    const recorded = { ...example('clot_history_on_treatment'), history: { medication: 'Apixaban 5 mg' } };
    await api('POST', `/api/v1/patients/${id}/assessments`, { kind: 'intake', intake: recorded });

    const page = await watchedPage(browser.context);
    await page.goto(`${BASE_URL}/patients/${id}`);
    await page.getByRole('link', { name: 'Correct this assessment' }).waitFor();
    await tabTo(page, 'a[href$="/correct"]');
    await page.keyboard.press('Enter');
    const weeks = page.getByLabel('Weeks since this episode began');
    await weeks.waitFor();
    assert.equal(await weeks.inputValue(), String(recorded.onset_weeks));
    await tabTo(page, '#correction-reason');
    await page.keyboard.type('Onset was ten weeks, not nine');
    await tabTo(page, '#in-onset');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Intake result: Kit/ }).waitFor();

    const items = (await api('GET', `/api/v1/patients/${id}/assessments`)).json.items;
    const correction = items.find((a) => a.corrects);
    assert.ok(correction, 'the correction is stored');
    assert.deepEqual(correction.intake, { ...recorded, onset_weeks: 10 });
    page.expectClean();
    await page.close();
  });
});
