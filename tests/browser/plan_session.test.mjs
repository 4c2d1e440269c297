// Plan review and session notes in a real browser on a 768 px tablet screen:
// a new patient with a treated blood clot goes through the body map and
// screening to a draft plan; in its review an edit that screening forbids is
// refused at the field with the reason, and nothing is saved; an allowed edit
// becomes version 2, compared side by side with version 1; version 2 is
// approved with its medical clearance confirmed; the session note opens
// prefilled from it, shows a refusal at the field, is completed by keyboard
// alone and saved, and the patient's chart holds the session; a note whose
// pressure departs from screening is refused at the row, then recorded with a
// reason and marked on the chart. axe-core, no
// console errors and no horizontal scroll on every new page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, expectAccessible, launch, noHorizontalScroll, screenshot, tabTo, watchedPage,
} from './harness.mjs';

const family = `Planreview${Date.now() % 100000}`;
let browser;
let page;
let patientId = 0;
let v2Techniques = null;

const REVISION_REFUSED = /^422 POST \/api\/v1\/plans\/\d+\/revisions$/;
const NOTE_REFUSED = /^422 POST \/api\/v1\/patients\/\d+\/sessions$/;

async function addSymptomByMouse(label, kind, intensity) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel(/^Intensity/).fill(String(intensity));
  await page.getByRole('button', { name: /^(Add|Update) symptom$/ }).click();
}

async function checkPage(label, shot, options = {}) {
  await expectAccessible(page, label);
  await noHorizontalScroll(page);
  await screenshot(page, shot, options);
}

describe('Plan review and session notes at 768 px', () => {
  before(async () => {
    browser = await launch();
    page = await watchedPage(browser.context);
    await page.setViewportSize({ width: 768, height: 1024 });
  });
  after(async () => {
    await browser?.close();
  });

  test('sign in, new patient, intake through the body map, screening and a draft plan', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.getByLabel('Email').fill(LOGIN_EMAIL);
    await page.getByLabel('Password').fill(LOGIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('Given name').fill('Ada');
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Date of birth').fill('1969-03-02');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.waitForURL(/\/patients\/\d+$/);
    patientId = Number(new URL(page.url()).pathname.split('/')[2]);

    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByRole('heading', { name: /^Intake:/ }).waitFor();
    await addSymptomByMouse('right buttock', 'pain', 6);
    await addSymptomByMouse('right back of thigh', 'pain', 5);
    await page.getByLabel('Weeks since this episode began').fill('9');
    await page.getByRole('button', { name: /Answer the remaining questions/ }).click();
    for (const no of await page.locator('input[data-flag^="ces_"][value="no"]').all()) await no.check();
    // A past blood clot still treated: blood-thinner pressure cap, legs avoided, physician clearance.
    await page.locator('input[data-condition="dvt_history_on_treatment"]').check();
    await page.locator('input[name="q-nrs_leg"][value="5"]').check();
    await page.locator('input[name="q-nrs_back"][value="3"]').check();
    await page.getByRole('button', { name: 'Save assessment and see the result' }).click();
    await page.getByRole('heading', { name: /^Intake result/ }).waitFor();
    assert.match(await page.getByTestId('screening').innerText(), /Treat with precautions/);
    await page.getByTestId('plan').waitFor();
    page.expectClean();
  });

  test('plan review: an edit screening forbids is refused at its field, with the reason, and not saved', async () => {
    await page.getByRole('link', { name: 'Review plan' }).click();
    await page.getByRole('heading', { name: `Plan review: Ada ${family}` }).waitFor();
    const limits = await page.getByTestId('limits').innerText();
    assert.match(limits, /Pressure at most 2 on .*blood thinners/);
    assert.match(limits, /physician|blood clot/);
    assert.equal(await page.locator('[data-testid="versions"] tbody tr').count(), 1);
    const items = page.getByTestId('edit-item');
    const count = await items.count();
    assert.ok(count >= 1, 'the draft has techniques');
    for (const item of await items.all()) {
      const text = await item.innerText();
      assert.match(text, /Because/);
      assert.match(text, /Evidence: (moderate|low|very low|expert opinion|no evidence|guideline, no grade given|therapist's reasoning)/);
    }
    await checkPage('plan review', '20-plan-review');

    // Firmer pressure where the blood thinners cap it, and deep tissue, which they exclude.
    await items.first().getByLabel('Pressure', { exact: true }).selectOption('3');
    await page.getByLabel('Technique to add').selectOption('deep_tissue');
    await page.getByRole('button', { name: 'Add technique' }).click();
    assert.equal(await items.count(), count + 1);
    await page.getByRole('button', { name: 'Save as a new version' }).click();

    const summary = page.getByTestId('refusal');
    await summary.waitFor();
    assert.match(await summary.innerText(), /refused this revision\. Nothing was saved\./);
    assert.match(await summary.innerText(), /Technique 1 \(.+\): pressure: pressure 3 is above the limit of 2/);
    const pressureRefusal = page.locator('.field-refusal[data-field="plan.techniques[0].pressure"]');
    assert.match(await pressureRefusal.innerText(), /Refused: pressure 3 is above the limit of 2 .*blood thinners/);
    assert.equal(await items.first().getByLabel('Pressure', { exact: true }).getAttribute('aria-invalid'), 'true');
    const techniqueRefusal = page.locator(`.field-refusal[data-field="plan.techniques[${count}].technique"]`);
    assert.match(await techniqueRefusal.innerText(), /Refused: deep tissue is left out because of blood thinners/);
    assert.equal(await items.nth(count).getByLabel('Technique', { exact: true }).getAttribute('aria-invalid'), 'true');
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/plans`)).json()).items.length, patientId);
    assert.equal(stored, 1, 'nothing saved');
    await expectAccessible(page, 'plan review with refusals');
    await noHorizontalScroll(page);
    await pressureRefusal.scrollIntoViewIfNeeded();
    await screenshot(page, '21-plan-review-refused', { fullPage: false });
    page.expectClean([REVISION_REFUSED]);
  });

  test('plan review: an allowed edit becomes version 2, compared side by side with version 1', async () => {
    const items = page.getByTestId('edit-item');
    const count = await items.count();
    await page.getByRole('button', { name: `Remove technique ${count} (Deep tissue massage)` }).click();
    assert.equal(await page.locator('.field-refusal').count(), 0, 'refusals cleared after removing an item');
    await items.first().getByLabel('Pressure', { exact: true }).selectOption('1');
    const minutes = items.first().getByLabel('Minutes', { exact: true });
    const before = Number(await minutes.inputValue());
    await minutes.fill(String(before - 3));
    await page.getByLabel('Reason for the change').fill('Lighter, shorter start');
    assert.match(await page.getByTestId('unsaved').innerText(), /changes that are not saved/);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as version 2' }).waitFor();
    assert.equal(await page.locator('[data-testid="versions"] tbody tr').count(), 2);
    assert.equal(await page.getByTestId('unsaved').count(), 0, 'version 2 is what the editor shows');

    const compare = page.getByTestId('compare');
    const changed = compare.locator('tr[data-changed="true"]');
    assert.equal(await changed.count(), 1, 'one row changed');
    const row = await changed.first().innerText();
    assert.match(row, new RegExp(`Changed: pressure \\d → 1; minutes ${before} → ${before - 3}`));
    assert.ok((await compare.locator('tr[data-changed="false"]').count()) >= 4, 'unchanged rows say Same');
    assert.match(await page.getByTestId('compare-summary').innerText(), /1 of \d+ rows changed\. Reason given for version 2: “Lighter, shorter start”/);
    await page.evaluate(() => document.querySelector('#compare-title')?.scrollIntoView());
    await checkPage('plan compare', '22-plan-compare', { fullPage: false });
    page.expectClean([REVISION_REFUSED]);
  });

  test('plan review: approval asks for the clearance to be confirmed', async () => {
    const panel = page.getByTestId('approve');
    await panel.getByRole('heading', { name: 'Approve version 2' }).waitFor();
    assert.match(await panel.innerText(), /physician clearance/i);
    await panel.getByRole('button', { name: 'Approve version 2' }).click();
    assert.match(await panel.locator('.field-refusal').first().innerText(), /confirm that you have seen the written clearance/);
    await panel.getByLabel('I have seen the written clearance').check();
    // Who cleared the patient, their role and the date (issue 13).
    await panel.getByLabel('Cleared by').fill('Dr Hale');
    await panel.getByLabel('Their role').fill('GP');
    await panel.getByLabel('Date of the clearance').fill('2026-11-20');
    await expectAccessible(page, 'approval');
    await panel.getByRole('button', { name: 'Approve version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 is approved' }).waitFor();
    assert.match(await page.getByTestId('approved-line').innerText(), /Approved plan: version 2/);
    const plans = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/plans`)).json()).items, patientId);
    assert.deepEqual(plans.map((p) => p.status), ['superseded', 'approved']);
    v2Techniques = plans[1].plan.techniques;
    // The approval records the clearance with who gave it and their role.
    const audit = await page.evaluate(async (id) => (await (await fetch(`/api/v1/audit?limit=50&patient_id=${id}`)).json()).items, patientId);
    assert.ok(audit.some((e) => e.action === 'approve' && /physician clearance by Dr Hale \(GP\) dated 2026-11-20/.test(e.detail)),
      JSON.stringify(audit.filter((e) => e.action === 'approve')));
    page.expectClean([REVISION_REFUSED]);
  });

  test('session note: prefilled from the approved plan, a refusal at the field, then done by keyboard alone', async () => {
    await page.getByRole('link', { name: 'Write a session note from it' }).click();
    await page.waitForURL(new RegExp(`/patients/${patientId}/sessions/new$`));
    await page.getByRole('heading', { name: /^New session note:/ }).waitFor();
    assert.match(await page.getByTestId('prefill').innerText(), /Prefilled from plan version 2 \(approved\)/);
    const rows = page.getByTestId('work-row');
    const expectedRows = v2Techniques.length;
    assert.equal(await rows.count(), expectedRows, 'one row per planned technique, with its regions');
    assert.equal(await rows.first().getByLabel('Technique, row 1').inputValue(), v2Techniques[0].technique);
    const first = v2Techniques[0].targets;
    for (let j = 0; j < first.length; j++) {
      const which = first.length === 1 ? 'row 1' : `region ${j + 1}, row 1`;
      assert.equal(await rows.first().getByLabel(`Region, ${which}`).inputValue(), first[j].region);
      assert.equal(await rows.first().getByLabel(`Side, ${which}`).inputValue(), first[j].side);
    }
    assert.equal(await rows.first().getByLabel('Pressure, row 1').inputValue(), '1');
    assert.ok(Number(await rows.first().getByLabel('Minutes, row 1').inputValue()) >= 1);
    // The rows' minutes add up to what the plan gave its techniques (no rounding drift).
    let prefilledMinutes = 0;
    for (let i = 1; i <= expectedRows; i++) {
      prefilledMinutes += Number(await rows.nth(i - 1).getByLabel(`Minutes, row ${i}`).inputValue());
    }
    assert.equal(prefilledMinutes, v2Techniques.reduce((n, t) => n + t.minutes, 0));
    assert.equal(await page.getByLabel('Oil used').isChecked(), true, 'the plan allows oils');
    await checkPage('session note', '23-session-note');

    // The server refuses a zero-minute row and says so at the row.
    const minutes = rows.first().getByLabel('Minutes, row 1');
    const planned = await minutes.inputValue();
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    const refusal = page.locator('.field-refusal[data-field="techniques[0].minutes"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /must be a whole number 1–120/);
    assert.equal(await minutes.getAttribute('aria-invalid'), 'true');
    assert.match(await page.getByTestId('refusal').innerText(), /Technique row 1, minutes: /);
    await expectAccessible(page, 'session note with a refusal');
    await minutes.fill(planned);

    // From here on only the keyboard.
    const started = Date.now();
    await page.getByLabel('Date and time').focus();
    await tabTo(page, 'input[name="leg_pain_before"]');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight'); // not asked → 0 … 6
    await tabTo(page, 'input[name="back_pain_before"]');
    await page.keyboard.press('4');
    await tabTo(page, 'input[name="leg_pain_after"]');
    await page.keyboard.press('3');
    await tabTo(page, 'input[name="back_pain_after"]');
    await page.keyboard.press('2');
    await tabTo(page, 'button[data-add="event"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-kind'));
    await page.keyboard.press('Tab'); // severity: mild
    await page.keyboard.press('ArrowRight'); // moderate
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tender over the right buttock, eased by the end');
    await tabTo(page, '#soap-subjective');
    await page.keyboard.type('Sitting at work still brings the leg pain on after an hour.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gluteal tone raised on the right.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Eased with light pressure.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Same again next week with the walking programme.');
    // Kept as a draft, so that the next test can still edit it.
    await tabTo(page, 'button[data-save="draft"]');
    const elapsed = Date.now() - started;
    console.log(`session note by keyboard: ${elapsed} ms of scripted typing and tabbing`);
    await screenshot(page, '24-session-note-filled');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));

    // The chart on the patient's page shows the new point, in its plot and its table.
    const painTable = page.getByRole('table', { name: 'Pain before and after each session' });
    await painTable.waitFor();
    assert.equal(await painTable.locator('tbody tr').count(), 1);
    const cells = await painTable.locator('tbody tr td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 4), ['6', '3', '4', '2'], 'leg before/after, back before/after');
    await page.locator('.plot canvas').first().waitFor();
    await screenshot(page, '26-chart-after-session');

    const chart = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/chart`)).json()), patientId);
    assert.equal(chart.sessions.length, 1);
    const s = chart.sessions[0];
    assert.deepEqual([s.leg_pain_before, s.back_pain_before, s.leg_pain_after, s.back_pain_after], [6, 4, 3, 2]);
    assert.equal(s.adverse_events, 1);
    assert.equal(chart.current_plan.sessions_done, 1);
    const notes = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/sessions`)).json()).items, patientId);
    assert.equal(notes[0].techniques.length, expectedRows);
    assert.deepEqual(notes[0].adverse_events, [{ kind: 'soreness', severity: 'moderate', note: 'Tender over the right buttock, eased by the end' }]);
    assert.match(notes[0].subjective, /^Sitting at work/);
    assert.match(notes[0].plan_text, /walking programme/);
    assert.equal(notes[0].oils_used, true);
    page.expectClean([REVISION_REFUSED, NOTE_REFUSED]);
  });

  test('session note: an existing note opens with its values and saves with If-Match', async () => {
    const notes = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/sessions`)).json()).items, patientId);
    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/${notes[0].id}`);
    await page.getByRole('heading', { name: /^Session note of / }).waitFor();
    assert.equal(await page.getByLabel('Leg pain before: 6').isChecked(), true);
    assert.equal(await page.getByLabel('Back pain after: 2').isChecked(), true);
    await page.getByLabel('Assessment (your reading)').fill('Eased with light pressure; responder so far.');
    await checkPage('session note edit', '25-session-note-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));
    const note = await page.evaluate(async (id) => (await (await fetch(`/api/v1/sessions/${id}`)).json()), notes[0].id);
    assert.equal(note.assessment, 'Eased with light pressure; responder so far.');
    assert.equal(note.version, notes[0].version + 1);
    page.expectClean([REVISION_REFUSED, NOTE_REFUSED]);
  });

  // docs/clinical-rules.md "Session notes that depart from screening": the
  // blood thinners cap pressure at 2 (Ernst 2003), on a note as on a plan.
  test('session note: a deviation from screening is refused at the row, then recorded with a reason', async () => {
    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/new`);
    await page.getByRole('heading', { name: /^New session note:/ }).waitFor();
    const rows = page.getByTestId('work-row');
    const pressure = rows.first().getByLabel('Pressure, row 1');
    await pressure.selectOption('3');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    const refusal = page.locator('.field-refusal[data-field="techniques[0].pressure"]');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Refused: pressure 3 is above the limit of 2 .*blood thinners/);
    assert.equal(await pressure.getAttribute('aria-invalid'), 'true');
    assert.match(await page.getByTestId('refusal').innerText(), /Nothing was saved\.[\s\S]*Technique row 1, pressure: /);
    const countNotes = () => page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/sessions`)).json()).total, patientId);
    assert.equal(await countNotes(), 1, 'nothing saved');
    const panel = page.getByTestId('record-anyway');
    await panel.waitFor();
    await expectAccessible(page, 'session note with a deviation refused');
    await noHorizontalScroll(page);
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, '26-session-note-deviation-refused', { fullPage: false });

    // Recording anyway needs a reason.
    await panel.getByRole('button', { name: 'Record anyway with this reason' }).click();
    const reasonRefusal = page.locator('.field-refusal[data-field="deviation_reason"]');
    await reasonRefusal.waitFor();
    assert.equal(await panel.getByLabel('Reason for departing from screening').getAttribute('aria-invalid'), 'true');
    assert.equal(await countNotes(), 1, 'still nothing saved');
    assert.match(await panel.getByTestId('departures').innerText(), /Technique row 1, pressure: pressure 3 is above the limit of 2/);

    await panel.getByLabel('Reason for departing from screening').fill('Patient asked for firmer work; bruising checked, none');
    await screenshot(page, '27-session-note-record-anyway', { fullPage: false });
    await panel.getByRole('button', { name: 'Record anyway with this reason' }).click();
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));
    const flag = page.getByTestId('deviation-flag');
    await flag.waitFor();
    // One departure per region of the first row the plan gave several regions.
    const perRegion = v2Techniques[0].targets.length;
    assert.match(await flag.innerText(), new RegExp(`departed from screening \\(${perRegion}\\)`));
    await checkPage('chart with a deviation', '28-chart-deviation');

    const listed = await page.evaluate(async (id) => (await (await fetch(`/api/v1/patients/${id}/sessions`)).json()).items, patientId);
    assert.equal(listed.length, 2);
    const recorded = listed.find((n) => n.deviations);
    assert.equal(recorded.deviations.reason, 'Patient asked for firmer work; bruising checked, none');
    // One finding per region of the first row, all at its pressure.
    assert.deepEqual([...new Set(recorded.deviations.items.map((d) => d.field))], ['techniques[0].pressure']);
    assert.equal(recorded.techniques[0].pressure, 3);

    // The note opens with its recorded deviation shown.
    await flag.getByRole('link').click();
    await page.getByRole('heading', { name: /^Session note of / }).waitFor();
    assert.match(await page.getByTestId('recorded-deviations').innerText(), /\d+ departures? from the patient's screening: pressure 3 is above the limit of 2/);
    await expectAccessible(page, 'session note with a recorded deviation');
    page.expectClean([REVISION_REFUSED, NOTE_REFUSED]);
  });
});
