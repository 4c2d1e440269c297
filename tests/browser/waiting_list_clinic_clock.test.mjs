// The waiting list and Today on the clinic's clock, with the clinic in
// Europe/London or Asia/Tokyo and the device in New York or Los Angeles: the
// front desk adds a patient to the waiting list from the patient's page by
// keyboard (09:00 typed is 09:00 at the clinic, stored in UTC, and the entry
// is listed in plain words), and from the Schedule; Today lists the clinic's day with each
// appointment at its clinic time; a patient's appointment request in the
// portal is read on the clinic's clock, and an hour the clocks skip is
// refused in the patient's words. axe and 768 px on each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, signIn, tabTo, patientFor,
  portalLoginFor, signInAsClinician, watchedPageInZone,
} from './harness.mjs';

const stamp = Date.now() % 100000;
// The Monday after the UK's clocks go forward on Sunday 28 March 2027.
const MONDAY = '2027-03-29';
let browser;
let api;
let settings;

async function setClinicZone(zone) {
  await settings.set({ time_zone: zone });
}

// A page whose device zone is `deviceZone`, signed in, at `path`.
async function open(path, deviceZone) {
  const page = await watchedPageInZone(browser.context, deviceZone);
  await signInAsClinician(page);
  await page.goto(`${BASE_URL}${path}`);
  return page;
}

describe('the waiting list and Today on the clinic clock', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
  });
  after(async () => {
    // Leave the clinic as the other suites expect it.
    await settings?.restore();
    await browser?.close();
  });

  test('a patient is added to the waiting list by keyboard, on the clinic clock', async () => {
    await setClinicZone('Europe/London');
    const patient = await patientFor(api, { given: 'Ada', family: `Waitlisttest${stamp}`, born: '1971-02-03' });
    const page = await open(`/patients/${patient.id}`, 'America/New_York');
    const card = page.getByTestId('waiting-list-entry');
    await card.getByText('Not on the waiting list.').waitFor();
    const form = page.getByRole('form', { name: `Add Ada Waitlisttest${stamp} to the waiting list` });
    await form.getByLabel('Can come from (day)').fill(MONDAY);
    await form.getByLabel('Can come from (time)').fill('09:00');
    await form.getByLabel('Must finish by (day)').fill(MONDAY);
    await form.getByLabel('Must finish by (time)').fill('13:00');
    await tabTo(page, '#wl-minutes');
    await page.keyboard.press('End'); // the longest length offered
    await tabTo(page, 'button[type="submit"]:not([disabled])');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Add to the waiting list');
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: `Ada Waitlisttest${stamp} is on the waiting list.` }).waitFor();
    const listed = card.getByTestId('waiting-entries').getByRole('listitem');
    await listed.first().waitFor();
    assert.match(await listed.first().innerText(),
      /^From Mon 29 Mar 2027 09:00 until Mon 29 Mar 2027 13:00, 90 min with any therapist: waiting$/);
    const stored = (await api('GET', '/api/v1/waiting-list?status=waiting')).json.items
      .filter((e) => e.patient_id === patient.id);
    assert.equal(stored.length, 1);
    // 09:00 in London after the spring change is 08:00 UTC, whatever New York says.
    assert.equal(stored[0].earliest, '2027-03-29T08:00:00Z');
    assert.equal(stored[0].latest, '2027-03-29T12:00:00Z');
    assert.equal(stored[0].minutes, 90);
    assert.equal(stored[0].therapist_id, null);
    await checkDesktopAndTablet(page, 'patient page with the waiting list');
    page.expectClean();
  });

  test('the front desk adds a patient to the waiting list from the Schedule', async () => {
    await setClinicZone('Europe/London');
    const patient = await patientFor(api, { given: 'Bea', family: `Schedwaittest${stamp}`, born: '1972-03-04' });
    const page = await open('/schedule', 'Europe/London');
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const card = page.getByTestId('schedule-waiting-list');
    await card.getByText('Add a patient to the waiting list').click();
    await card.getByLabel('Search by name').fill(`Schedwaittest${stamp}`);
    const choice = card.getByLabel('Patient who waits');
    await choice.locator('option', { hasText: `Schedwaittest${stamp}, Bea` }).waitFor({ state: 'attached' });
    await choice.selectOption({ label: `Schedwaittest${stamp}, Bea (born 4 Mar 1972)` });
    const form = page.getByRole('form', { name: `Add Bea Schedwaittest${stamp} to the waiting list` });
    await form.getByLabel('Can come from (day)').fill(MONDAY);
    await form.getByLabel('Can come from (time)').fill('10:00');
    await form.getByLabel('Must finish by (day)').fill(MONDAY);
    await form.getByLabel('Must finish by (time)').fill('12:00');
    await form.getByRole('button', { name: 'Add to the waiting list' }).click();
    await form.getByRole('status').filter({ hasText: `Bea Schedwaittest${stamp} is on the waiting list.` }).waitFor();
    const stored = (await api('GET', '/api/v1/waiting-list?status=waiting')).json.items
      .filter((e) => e.patient_id === patient.id);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].earliest, '2027-03-29T09:00:00Z');
    await checkDesktopAndTablet(page, 'schedule with the waiting list form');
    page.expectClean();
  });

  test('Today lists the clinic day with each appointment at its clinic time', async () => {
    // Tokyo is 16 or 17 hours ahead of Los Angeles: the two days barely meet.
    await setClinicZone('Asia/Tokyo');
    const me = (await api('GET', '/api/v1/session')).json;
    const patient = await patientFor(api, {
      given: 'Kenji', family: `Todayzonetest${stamp}`, born: '1968-09-10', sex: 'male',
    });
    const tokyoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    // The first free quarter hour from 06:00 on the clinic's day (other suites book the same therapist).
    let booked = null;
    let time = '';
    for (let m = 6 * 60 + (stamp % 4) * 15; m < 23 * 60 && !booked; m += 15) {
      time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      booked = await api('POST', '/api/v1/appointments', {
        patient_id: patient.id, therapist_id: me.user?.id ?? me.id, starts_at_local: `${tokyoToday}T${time}`,
        minutes: 15, status: 'booked',
      }).then((r) => r.json, () => null);
    }
    assert.ok(booked, 'a free time on the clinic day');
    const page = await open('/', 'America/Los_Angeles');
    const row = page.getByTestId('today-appointments').getByRole('listitem')
      .filter({ hasText: `Kenji Todayzonetest${stamp}` });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`^${time} Kenji Todayzonetest${stamp}`));
    await checkDesktopAndTablet(page, 'today on the clinic clock');
    page.expectClean();
  });

  test('a patient asks for an appointment in the portal on the clinic clock', async () => {
    await setClinicZone('Europe/London');
    const patient = await patientFor(api, { given: 'Maya', family: `Requestzonetest${stamp}`, born: '1984-01-02' });
    const email = `maya${stamp}@browser-test.example`;
    await portalLoginFor(api, patient.id, { email, password: 'portal password 3', name: 'Maya (portal)' });
    // The staff session of the tests before must not carry over.
    await browser.context.clearCookies();
    const page = await watchedPageInZone(browser.context, 'America/New_York');
    await signIn(page, email, 'portal password 3');
    await page.getByRole('heading', { name: 'Hello, Maya' }).waitFor();
    const form = page.getByRole('form', { name: 'Ask for an appointment' });
    await form.getByText("Choose the day and time on the clinic's clock.").waitFor();
    // 01:30 on the night the UK's clocks go forward does not exist there.
    await form.getByLabel('Day').fill('2027-03-28');
    await form.getByLabel('Time').fill('01:30');
    await form.getByRole('button', { name: 'Send request' }).click();
    const refusal = form.getByRole('alert').filter({ hasText: 'The clocks change at that time on that day.' });
    await refusal.waitFor();
    assert.doesNotMatch(await refusal.innerText(), /starts_at|UTC|\d{4}-\d{2}-\d{2}T/);
    await form.getByLabel('Day').fill(MONDAY);
    await form.getByLabel('Time').fill('10:00');
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.getByRole('status').filter({ hasText: 'Your request was sent' }).waitFor();
    const mine = (await api('GET', `/api/v1/patients/${patient.id}/appointments`)).json.items;
    assert.equal(mine.length, 1);
    // 10:00 in London after the spring change, not 10:00 in New York (14:00 UTC).
    assert.equal(mine[0].starts_at, '2027-03-29T09:00:00Z');
    assert.equal(mine[0].status, 'requested');
    await checkDesktopAndTablet(page, 'portal request on the clinic clock');
    page.expectClean([/^401 GET \/api\/v1\/session$/, /^422 POST \/api\/v1\/patients\/\d+\/appointment-requests$/]);
  });
});
