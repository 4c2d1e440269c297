// The record's dates are the clinic's days: a note written at 7 pm on
// Thursday in a Los Angeles clinic is Thursday's note, though the server
// records it as Friday 03:00 UTC and the device reading it is in London.
// The patient's notes list says so; axe and 768 px on the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, patientFor, signInAsClinician,
  watchedPageInZone,
} from './harness.mjs';

const stamp = Date.now() % 100000;
let browser;
let api;
let settings;

describe("the record's dates on the clinic's calendar", () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
  });
  after(async () => {
    await settings?.restore(); // Leave the clinic as the other suites expect it.
    await browser?.close();
  });

  test("an evening note in Los Angeles is listed on the clinic's day", async () => {
    await settings.set({ time_zone: 'America/Los_Angeles' });
    const patient = await patientFor(api, { given: 'Rosa', family: `Clinicday${stamp}` });
    // Thursday 26 November 2026, 19:00 in Los Angeles (UTC-8).
    await api('POST', `/api/v1/patients/${patient.id}/sessions`, {
      occurred_at: '2026-11-27T03:00:00Z', leg_pain_before: 6, leg_pain_after: 4,
    });

    const page = await watchedPageInZone(browser.context, 'Europe/London');
    await signInAsClinician(page);
    await page.goto(`${BASE_URL}/patients/${patient.id}`);
    await page.getByRole('link', { name: 'Note of Thu 26 Nov 2026' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Note of Fri 27 Nov 2026' }).count(), 0);
    await checkDesktopAndTablet(page, "notes on the clinic's day");
    page.expectClean();
    await page.close();
  });
});
