// A session note as the clinical record, in a real browser at 768 px: a note
// written as a draft opens from the chart in full, is signed, then amended by
// keyboard alone with a reason; the chart's notes list shows it newest first
// with pain before and after; the amendment trail shows who, when, why and
// what changed beside the original; axe finds nothing serious on the page;
// printed, it shows the note and its trail without the navigation or forms;
// the patient's whole record prints as one document with the note inside.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, clinicianApi, expectAccessible, launch, noHorizontalScroll, screenshot,
  signIn, tabTo, watchedPage, patientFor,
} from './harness.mjs';

const family = `Notes${Date.now() % 100000}`;
let browser;
let page;
let patientId = 0;

describe('Signed notes and their amendments at 768 px', () => {
  before(async () => {
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Nell', family, born: '1970-05-06' })).id;
    await api('POST', `/api/v1/patients/${patientId}/sessions`, {
      occurred_at: '2026-11-24T10:00:00Z', subjective: 'Calf pain eased since last week',
      leg_pain_before: 6, leg_pain_after: 4,
    });
    browser = await launch();
    page = await watchedPage(browser.context);
    await page.setViewportSize({ width: 768, height: 1024 });
  });
  after(async () => {
    await browser?.close();
  });

  test('the draft opens from the chart in full and is signed', async () => {
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const list = page.getByTestId('notes-list');
    await list.waitFor();
    // Days in plain words, never the ISO form the server sends.
    assert.match(await page.locator('dl.facts').first().innerText(), /6 May 1970 \(age \d+\)/);
    assert.match(await list.innerText(), /Note of Tue 24 Nov 2026 draft · pain Leg 6 → 4 · no hands-on work/);
    await expectAccessible(page, 'chart with the notes list');
    assert.ok(await page.getByRole('link', { name: 'Open the note' }).first().isVisible(), 'the timeline opens it too');
    await list.getByRole('link', { name: 'Note of Tue 24 Nov 2026' }).click();
    await page.getByRole('heading', { name: /^Session note of Tue 24 Nov 2026: .*Nell/ }).waitFor();
    assert.equal(await page.getByTestId('note-status').innerText(), 'Draft: not signed yet');
    await page.getByText('Calf pain eased since last week').waitFor();
    await page.getByText('Leg pain before: 6 out of 10').waitFor();
    await expectAccessible(page, 'draft note');
    await noHorizontalScroll(page);

    await page.getByRole('button', { name: 'Sign the note' }).click();
    await page.getByTestId('note-status').filter({ hasText: /^Signed by / }).waitFor();
    await page.getByRole('heading', { name: 'Amend this note' }).waitFor();
  });

  test('an amendment by keyboard alone is kept beside the original', async () => {
    await tabTo(page, '.amend-form textarea[required]');
    await page.keyboard.type('Pain after was misheard');
    await tabTo(page, '.amend-form .pain-grid label:nth-child(2) input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, '.amend-form button[type="submit"]');
    await page.keyboard.press('Enter');

    const trail = page.getByTestId('amendment-trail');
    await trail.getByText('Why: Pain after was misheard').waitFor();
    const text = await trail.innerText();
    assert.match(text, /Version 1: written by .* signed by /);
    assert.match(text, /Version 2: amended by /);
    assert.match(text, /Leg pain after: was 4, now 2/);
    await page.getByText('Leg pain after: 2 out of 10').waitFor();
    await expectAccessible(page, 'signed note with an amendment');
    await noHorizontalScroll(page);
    await screenshot(page, 'note-amended');
  });

  test('the chart lists the note as signed with its amended pain', async () => {
    await page.getByRole('link', { name: 'Back to the chart' }).click();
    const list = page.getByTestId('notes-list');
    await list.getByText(/signed · pain Leg 6 → 2/).waitFor();
    await list.getByRole('link', { name: 'Note of Tue 24 Nov 2026' }).click();
    await page.getByTestId('amendment-trail').waitFor();
  });

  test('printed, the note and its trail show without the navigation or forms', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    assert.equal(await page.getByRole('heading', { name: 'Amend this note' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    assert.ok(await page.getByTestId('amendment-trail').isVisible());
    assert.ok(await page.getByText('Calf pain eased since last week').isVisible());
    await screenshot(page, 'note-print');
    await page.emulateMedia({ media: 'screen' });
    page.expectClean();
  });

  test('the whole record prints as one document, the note with its versions inside', async () => {
    await page.getByRole('link', { name: 'Back to the chart' }).click();
    await page.getByRole('link', { name: 'Whole record' }).click();
    const record = page.getByTestId('whole-record');
    await record.waitFor();
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(`Clinical record: Nell ${family}`));
    for (const part of ['Consent', 'Assessments', 'Plan versions', 'Referrals', 'Session notes']) {
      await page.getByRole('heading', { level: 2, name: part, exact: true }).waitFor();
    }
    const note = page.getByTestId('record-note');
    assert.equal(await note.count(), 1);
    const text = await note.innerText();
    assert.match(text, /Calf pain eased since last week/);
    assert.match(text, /Version 2: amended by /);
    assert.match(text, /Leg pain after: was 4, now 2/);
    await expectAccessible(page, 'whole record');
    await noHorizontalScroll(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    assert.ok(await note.isVisible());
    await screenshot(page, 'whole-record-print');
    await page.emulateMedia({ media: 'screen' });
    page.expectClean();
  });
});
