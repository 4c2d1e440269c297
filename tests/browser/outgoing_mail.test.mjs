// Outgoing mail in Administration, in a real browser against the real server
// (which the test script starts without --smtp-url): the admin reads that
// mail is not set up, sets how long before an appointment its reminder goes
// out (and sets it back, for the tests that share the server), and the page
// passes axe-core at 768 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, expectAccessible, launch, noHorizontalScroll, screenshot, watchedPage, signInAsClinician,
} from './harness.mjs';

let browser;

describe('outgoing mail', () => {
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the admin sees mail is not set up and sets the reminder time', async () => {
    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    await page.goto(`${BASE_URL}/admin/mail`);
    await page.getByRole('heading', { name: 'Outgoing mail' }).waitFor();
    await page.getByText('Mail is not set up on this server').waitFor();
    const hours = page.getByLabel('Hours before each appointment to send its reminder (0: no reminders)');
    const before = await hours.inputValue();
    await hours.fill('48');
    await page.getByRole('button', { name: 'Save reminder time' }).click();
    await page.getByText('Saved: reminders go out 48 hours before each appointment.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Appointment reminders' }).waitFor();
    assert.equal(await page.getByLabel(/Hours before each appointment/).inputValue(), '48');
    await page.setViewportSize({ width: 768, height: 1000 });
    await noHorizontalScroll(page);
    await expectAccessible(page, 'outgoing mail at 768 px');
    await screenshot(page, 'outgoing-mail');
    await page.getByLabel(/Hours before each appointment/).fill(before);
    await page.getByRole('button', { name: 'Save reminder time' }).click();
    await page.getByText(/^Saved: /).waitFor();
    page.expectClean();
  });
});
