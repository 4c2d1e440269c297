// Editing a patient's details in a real browser, keyboard only: "Edit
// details" opens a form whose first field takes focus; a refused save names
// the field in plain words and stores nothing; a saved change says so, takes
// focus, and "Changes to details" shows who changed what, from what to what,
// in words, with every earlier value still readable, on the patient's page
// and in the printed whole record. axe at desktop and 768 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, signIn, tabTo, watchedPage,
  patientFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const family = `Detailperson${tag}`;
let browser;
let patientId = 0;

describe('patient details, edited and versioned', () => {
  before(async () => {
    browser = await launch();
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Ines', family, born: '1975-05-06', phone: '0700 111222' })).id;
  });
  after(async () => browser?.close());

  test('edit by keyboard, a refusal in words, then the history of every value', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    await page.getByRole('heading', { name: `Ines ${family}` }).waitFor();
    await page.getByRole('heading', { name: 'Changes to details' }).waitFor();
    await page.getByText('No changes since the patient was added.').waitFor();

    // Keyboard only: Tab to the button, Enter opens the form on its first field.
    await tabTo(page, 'section.patient-details > button');
    await page.keyboard.press('Enter');
    const given = page.getByLabel('Given name');
    await given.waitFor();
    assert.ok(await given.evaluate((el) => el === document.activeElement), 'the first field has focus');
    await checkDesktopAndTablet(page, 'edit patient details');

    // An empty family name is refused, named in words, nothing stored.
    await page.getByLabel('Family name').fill('');
    await page.getByLabel('Family name').press('Enter');
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    const said = await refusal.innerText();
    assert.match(said, /Family name/);
    assert.doesNotMatch(said, /family_name/);

    await page.getByLabel('Family name').fill(`${family}-Reed`);
    await page.getByLabel('Phone').fill('0700 333444');
    await page.getByLabel('Reason for the change').fill('married name');
    await page.getByLabel('Reason for the change').press('Enter');
    const saved = page.getByRole('status').filter({ hasText: 'Details saved' });
    await saved.waitFor();
    assert.ok(await saved.evaluate((el) => el === document.activeElement), 'the saved message has focus');
    await page.getByRole('heading', { name: `Ines ${family}-Reed` }).waitFor();

    const history = page.locator('ol.details-history');
    await history.getByText(`Family name from “${family}” to “${family}-Reed”`).waitFor();
    await history.getByText('Phone from “0700 111222” to “0700 333444”').waitFor();
    await history.getByText('Reason: married name').waitFor();
    assert.doesNotMatch(await history.innerText(), /family_name|given_name/);

    // A second change: the first one's values stay readable.
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Sex').selectOption({ label: 'Other' });
    await page.getByRole('button', { name: 'Save details' }).click();
    await history.getByText('Sex from “Female” to “Other”').waitFor();
    assert.equal(await history.locator(':scope > li').count(), 2);
    await history.getByText(`Family name from “${family}” to “${family}-Reed”`).waitFor();
    await checkDesktopAndTablet(page, 'patient details history');

    // The whole record, as printed, keeps every earlier value too.
    await page.goto(`${BASE_URL}/patients/${patientId}/record`);
    await page.getByRole('heading', { name: `Clinical record: Ines ${family}-Reed` }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const inRecord = page.getByTestId('whole-record').locator('ol.details-history');
    await inRecord.getByText(`Family name from “${family}” to “${family}-Reed”`).waitFor();
    await inRecord.getByText('Sex from “Female” to “Other”').waitFor();
    await inRecord.getByText('Reason: married name').waitFor();
    assert.ok(await inRecord.isVisible(), 'printed with the record');
    await page.emulateMedia({ media: 'screen' });
    await checkDesktopAndTablet(page, 'whole record with changes to details');
    page.expectClean([/^422 PUT \/api\/v1\/patients\/\d+$/]);
  });
});
