// The intake survives and consent comes first, in a real browser: part of an
// intake is typed, the page is left and opened again, and the draft is back
// with a notice; discarding it asks first. Consent to treatment and to the
// buttock is recorded on the patient's page by keyboard only, and the session
// note page shows it at the top, warning about an area without consent.
// axe-core, console and 768 px checks on each screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, signIn, tabTo, watchedPage,
  patientFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
let browser;
let patientId = 0;

describe('intake draft and consent', () => {
  before(async () => {
    browser = await launch();
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Dora', family: `Drafttest${tag}`, born: '1970-02-03' })).id;
  });
  after(async () => {
    await browser?.close();
  });

  test('part of an intake survives leaving the page, and discarding it asks first', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByRole('heading', { name: /^Intake: Dora/ }).waitFor();
    await page.getByLabel('Weeks since this episode began').fill('6');
    await page.getByText(/^Draft saved at \d\d:\d\d/).waitFor();

    // Away to the patient's page and back: the draft is restored, with a notice.
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: `Dora Drafttest${tag}` }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByText(/^Draft from .* restored\.$/).waitFor();
    assert.equal(await page.getByLabel('Weeks since this episode began').inputValue(), '6');
    await checkDesktopAndTablet(page, 'intake with a restored draft');

    // Discard asks first; keeping it keeps it.
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByText('Discard this draft? What was typed is lost.').waitFor();
    await page.getByRole('button', { name: 'Keep the draft' }).click();
    assert.equal(await page.getByLabel('Weeks since this episode began').inputValue(), '6');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByRole('button', { name: 'Yes, discard the draft' }).click();
    // The question hides the button at once; the notice goes once the server has discarded it.
    await page.getByText(/^Draft from .* restored\.$/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Discard draft' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Weeks since this episode began').inputValue(), '');
    await page.reload();
    await page.getByRole('heading', { name: /^Intake: Dora/ }).waitFor();
    await page.getByLabel('Weeks since this episode began').waitFor();
    assert.equal(await page.getByText(/^Draft from .* restored\.$/).count(), 0);
    page.expectClean();
    await page.close();
  });

  test('consent is recorded by keyboard only and shown first on the session note', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const panel = page.getByTestId('consent-panel');
    await panel.getByRole('heading', { name: 'Consent' }).waitFor();
    await panel.getByText('No consent recorded yet.').waitFor();
    await checkDesktopAndTablet(page, 'patient page with the consent panel');

    // Keyboard only: the treatment choice, then the buttock, then record.
    await tabTo(page, '[data-testid="consent-panel"] input[name="consent-treatment"]');
    assert.ok(await panel.getByLabel('Patient consents to treatment').isChecked());
    await tabTo(page, '[data-testid="consent-panel"] input[type="checkbox"]');
    const buttock = panel.getByLabel('Buttock');
    for (let i = 0; i < 5 && !(await buttock.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    assert.ok(await buttock.isChecked());
    await tabTo(page, '[data-testid="consent-panel"] button[type="submit"]');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Record consent');
    await page.keyboard.press('Enter');
    await panel.getByText('Consent recorded.').waitFor();
    await panel.getByText(/^Consents to hands-on treatment \(verbally on .*\), including: buttock\.$/).waitFor();

    // The note page shows the consent before anything else of the note.
    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/new`);
    const banner = page.getByTestId('consent-banner');
    await banner.getByText(/including: buttock/).waitFor();
    assert.equal(await banner.getByText(/No consent recorded for/).count(), 0);
    await checkDesktopAndTablet(page, 'session note with the consent shown');
    page.expectClean();
    await page.close();
  });

  test('the note page warns when no consent is recorded', async () => {
    const api = await clinicianApi();
    const other = (await patientFor(api, { given: 'Nell', family: `Noconsent${tag}`, born: '1966-05-06' })).id;
    const page = await watchedPage(browser.context);
    await page.goto(`${BASE_URL}/patients/${other}/sessions/new`);
    const banner = page.getByRole('alert').filter({ hasText: 'No consent recorded yet.' });
    await banner.getByText('Ask the patient and record their consent before hands-on work.').waitFor();
    await checkDesktopAndTablet(page, 'session note without consent');
    page.expectClean();
    await page.close();
  });
});
