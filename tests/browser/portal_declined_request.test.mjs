// A patient's appointment request the front desk declines (issue 16): on the
// Schedule, "Decline the request" asks why (the patient reads it) and sends
// nothing without words; the patient's portal then shows the request as
// declined with the clinic's words, not a bare "cancelled". The suite uses a
// therapist and patient of its own, twelve days ahead at 11:00 on the clinic's
// clock, in a clinic it sets to London open 08:00-19:00 (restored after).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, signIn,
  watchedPage,
} from './harness.mjs';

const stamp = Date.now() % 100000;
const ZONE = 'Europe/London';
const family = `Declinetest${stamp}`;
const login = { email: `decline${stamp}@browser-test.example`, password: 'portal password 4' };
const REASON = 'The therapist is on a course that day';
let browser;
let api;
let settings;
const ids = {};

function clinicDay(n) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(Date.now() + n * 86400000));
}

describe('a declined appointment request', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
    const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    await settings.set({
      time_zone: ZONE, opening_hours: everyDay.map((d) => ({ weekday: d, opens: '08:00', closes: '19:00' })),
    });
    ids.therapist = (await api('POST', '/api/v1/users', {
      email: `declth${stamp}@browser-test.example`, display_name: `Dana Declinetherapist${stamp}`, role: 'therapist',
      password: 'a long enough password',
    })).json.id;
    ids.patient = (await api('POST', '/api/v1/patients', {
      given_name: 'Ines', family_name: family, date_of_birth: '1981-02-03', sex: 'female',
    })).json.id;
    await api('POST', '/api/v1/users', {
      email: login.email, display_name: `Ines ${family}`, role: 'patient', password: login.password,
      patient_id: ids.patient,
    });
    const made = await api('POST', '/api/v1/appointments', {
      patient_id: ids.patient, therapist_id: ids.therapist, starts_at_local: `${clinicDay(12)}T11:00`, minutes: 45,
      status: 'requested',
    });
    ids.request = made.json.id;
  });
  after(async () => {
    await settings?.restore();
    if (ids.therapist) await api('PATCH', `/api/v1/users/${ids.therapist}`, { active: false });
    await browser?.close();
  });

  test('the front desk says why, and the patient reads "declined" with those words', async () => {
    await browser.context.clearCookies();
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.goto(`${BASE_URL}/schedule`);
    const row = page.getByTestId('requests').locator('li', { hasText: `Ines ${family}` });
    await row.getByRole('button', { name: 'Decline the request' }).click();
    const form = page.getByRole('form', { name: /Decline Ines .*'s request/ });
    await form.waitFor();
    await form.getByRole('button', { name: 'Decline the request' }).click();
    await form.getByText('Say why first: the patient reads it.').waitFor();
    await checkDesktopAndTablet(page, 'declining a request');
    await form.getByLabel('Why is the request declined? The patient will read this.').fill(REASON);
    await form.getByRole('button', { name: 'Decline the request' }).click();
    await page.getByText(new RegExp(`Ines ${family} at 11:00: .*`)).waitFor();

    await browser.context.clearCookies();
    const portal = await watchedPage(browser.context);
    await signIn(portal, login.email, login.password);
    await portal.getByRole('heading', { name: 'Hello, Ines' }).waitFor();
    const declined = portal.getByTestId('declined-requests');
    await declined.getByText(`The clinic said: “${REASON}”`).waitFor();
    const said = await declined.innerText();
    assert.match(said, /at 11:00: declined\./);
    assert.doesNotMatch(said, /request_declined|cancelled/, 'plain words only');
    portal.expectClean([/^401 GET \/api\/v1\/session$/]);
  });
});
