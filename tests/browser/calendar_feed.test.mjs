// Calendar files in a real browser. An admin, on a therapist's working-hours
// page and by keyboard, creates the therapist's private calendar feed link
// (which a calendar app can fetch without signing in), makes a new one (the
// old stops working) and turns it off after confirming (the link then 404s).
// A patient finds "Add to my calendar (.ics)" by their appointments in the
// portal and it downloads their appointments. axe and 768 px on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, checkDesktopAndTablet, clinicianApi, launch, signIn, tabTo, watchedPage, therapistFor, patientFor,
  portalLoginFor, signInAsClinician,
} from './harness.mjs';

const stamp = Date.now() % 100000;
const therapistName = `Iris Feed${stamp}`;
const patientLogin = { email: `feed-${stamp}@browser-test.example`, password: 'feed-portal-pass-2026' };
let browser;
let api;
let therapist;

async function asAdmin(path) {
  const page = await watchedPage(browser.context);
  await signInAsClinician(page);
  await page.goto(`${BASE_URL}${path}`);
  return page;
}

describe('calendar feed and calendar download', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    therapist = await therapistFor(api, { email: `iris${stamp}@browser-test.example`, name: therapistName });
    const patient = await patientFor(api, { given: 'Noor', family: `Feedtest${stamp}`, born: '1979-02-03' });
    await portalLoginFor(api, patient.id, { ...patientLogin, name: `Noor Feedtest${stamp}` });
    // Years ahead with a therapist of this test's own, so no other test's
    // booking is in the way at any hour CI runs.
    await api('POST', '/api/v1/appointments', {
      patient_id: patient.id, therapist_id: therapist.id, starts_at: '2032-06-15T09:00:00Z', minutes: 45,
      status: 'booked',
    });
  });
  after(async () => {
    if (therapist) await api('PATCH', `/api/v1/users/${therapist.id}`, { active: false });
    await browser?.close();
  });

  test('an admin makes, replaces and turns off a therapist\'s calendar feed by keyboard', async () => {
    const page = await asAdmin('/hours');
    await page.getByRole('heading', { name: 'Working hours and time off', level: 1 }).waitFor();
    await page.getByLabel('Therapist', { exact: true }).selectOption(String(therapist.id));
    const card = page.getByRole('region', { name: 'Calendar feed' });
    await card.getByText('The calendar feed is off.').waitFor();
    assert.match(await card.innerText(), /never notes or treatment/);

    // While the feed is off, the card's one button makes the link.
    await tabTo(page, 'section[aria-labelledby="feed-title"] button');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Create calendar link');
    await page.keyboard.press('Enter');
    const linkBox = card.getByLabel('Your private calendar link (shown only now)');
    await linkBox.waitFor();
    const first = await linkBox.inputValue();
    assert.match(first, /^https?:\/\/.+\/api\/v1\/calendar-feeds\/[0-9a-f]{64}\/appointments\.ics$/);
    await card.getByText(/The calendar feed is on \(link made on/).waitFor();
    // A calendar app fetches it without signing in.
    const feed = await fetch(first);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
    await checkDesktopAndTablet(page, 'calendar feed on');

    await card.getByRole('button', { name: 'Make a new link' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'A new link is made. The old link no longer works.' }).waitFor();
    const second = await linkBox.inputValue();
    assert.notEqual(second, first);
    assert.equal((await fetch(first)).status, 404, 'the old link stops working');
    assert.equal((await fetch(second)).status, 200);

    // Turning it off asks first; "Keep it on" keeps it.
    await card.getByRole('button', { name: 'Turn off' }).focus();
    await page.keyboard.press('Enter');
    const confirm = card.getByRole('group', { name: 'Turn off the calendar feed?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Keep it on' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await fetch(second)).status, 200);
    await card.getByRole('button', { name: 'Turn off' }).click();
    await confirm.waitFor();
    await checkDesktopAndTablet(page, 'calendar feed turning off');
    await confirm.getByRole('button', { name: 'Turn off the feed' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The calendar feed is off.' }).waitFor();
    await card.getByRole('button', { name: 'Create calendar link' }).waitFor();
    assert.equal((await fetch(second)).status, 404, 'a turned-off link is not found');
    page.expectClean();
    await page.close();
  });

  test('a patient downloads their appointments from the portal', async () => {
    // The admin's session from the test before stays out of the patient's browser.
    await browser.context.clearCookies();
    const page = await watchedPage(browser.context);
    await signIn(page, patientLogin.email, patientLogin.password);
    await page.getByRole('heading', { name: 'Your appointments' }).waitFor();
    const link = page.getByRole('link', { name: 'Add to my calendar (.ics)' });
    await link.waitFor();
    await tabTo(page, 'a[href$="/appointments.ics"]');
    const href = await link.getAttribute('href');
    const download = await page.request.get(`${BASE_URL}${href}`);
    assert.equal(download.status(), 200);
    assert.match(download.headers()['content-type'], /^text\/calendar/);
    const text = await download.text();
    assert.match(text, /DTSTART:20320615T090000Z/);
    assert.match(text, new RegExp(`SUMMARY:Massage appointment with ${therapistName}`));
    await checkDesktopAndTablet(page, 'portal with calendar download');
    // Signing in from a fresh browser first asks whether a session exists.
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
    await page.close();
  });
});
