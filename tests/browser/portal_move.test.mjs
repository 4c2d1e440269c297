// A patient asks to move an appointment in the portal, by keyboard, on the
// clinic's clock whatever the device's zone: a time outside the opening hours
// is refused in plain words (no field name, no format); the thank-you is
// announced and shown. The front desk sees the request on Today with its
// times and declines it with a reason the patient then reads; asked again,
// it is accepted on the Schedule and the patient sees the new time. The
// suite books with a therapist and patient of its own, ten days ahead, in a
// clinic it sets to London open 08:00-19:00 (restored after). axe-core and
// 768 px on the portal form and on Today.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, signIn,
  tabTo, watchedPage, therapistFor, patientFor, portalLoginFor, openEveryDay, watchedPageInZone,
} from './harness.mjs';

const stamp = Date.now() % 100000;
const ZONE = 'Europe/London';
const family = `Movetest${stamp}`;
const login = { email: `move${stamp}@browser-test.example`, password: 'portal password 3' };
let browser;
let api;
let settings;
const ids = {};

// "YYYY-MM-DD" of the clinic's day `n` days from now.
function clinicDay(n) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(Date.now() + n * 86400000));
}
const bookedDay = clinicDay(10);
const firstWish = clinicDay(11);
const secondWish = clinicDay(12);

// A portal page of the patient, its device in New York: times must still
// read on the clinic's (London) clock.
async function portal() {
  await browser.context.clearCookies();
  const page = await watchedPageInZone(browser.context, 'America/New_York');
  await signIn(page, login.email, login.password);
  await page.getByRole('heading', { name: 'Hello, Mara' }).waitFor();
  return page;
}

async function staff(path) {
  await browser.context.clearCookies();
  const page = await watchedPage(browser.context);
  await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
  if (path !== '/') await page.goto(`${BASE_URL}${path}`);
  return page;
}

describe('asking to move an appointment in the portal', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
    await settings.set({
      time_zone: ZONE, opening_hours: openEveryDay('08:00', '19:00'),
    });
    ids.therapist = (await therapistFor(api, {
      email: `moveth${stamp}@browser-test.example`, name: `Tova Movetherapist${stamp}`,
    })).id;
    ids.patient = (await patientFor(api, { given: 'Mara', family, born: '1979-04-05' })).id;
    await portalLoginFor(api, ids.patient, { ...login, name: `Mara ${family}` });
    ids.appointment = (await api('POST', '/api/v1/appointments', {
      patient_id: ids.patient, therapist_id: ids.therapist, starts_at_local: `${bookedDay}T10:00`, minutes: 45,
      status: 'booked',
    })).json.id;
  });
  after(async () => {
    await settings?.restore();
    if (ids.therapist) await api('PATCH', `/api/v1/users/${ids.therapist}`, { active: false });
    await browser?.close();
  });

  test('the patient asks by keyboard; a time outside the hours is refused in plain words', async () => {
    const page = await portal();
    const mine = page.getByRole('region', { name: 'Your appointments' });
    await mine.getByText('10:00, 45 minutes').waitFor();  // London's clock, not New York's.
    await tabTo(page, `[data-appointment="${ids.appointment}"] [data-action="ask-to-move"]`);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /Move your appointment on .* at 10:00/ });
    await form.waitFor();
    await form.getByText(/The clinic is open Monday 08:00–19:00/).waitFor();
    await checkDesktopAndTablet(page, 'portal ask to move');

    await form.getByLabel('New day').fill(firstWish);
    await form.getByLabel('New time').fill('20:00');
    await tabTo(page, 'form.move-ask button[type="submit"]');
    await page.keyboard.press('Enter');
    const refusal = form.getByRole('alert');
    await refusal.getByText(/outside the clinic's opening hours/).waitFor();
    const said = await refusal.innerText();
    assert.doesNotMatch(said, /starts_at|UTC|T\d\d:\d\d:\d\dZ/, 'plain words only');

    await form.getByLabel('New time').fill('14:00');
    await form.getByLabel('Message for the clinic (optional)').fill('Mornings are hard this week');
    await tabTo(page, 'form.move-ask button[type="submit"]');
    await page.keyboard.press('Enter');
    const thanks = mine.getByRole('status').filter({ hasText: /Thank you: you asked to move your appointment to .* at 14:00/ });
    await thanks.waitFor();
    assert.ok(await thanks.isVisible(), 'the thank-you is on screen');
    await mine.getByText(/You asked to move it to .* at 14:00: waiting for the clinic to answer/).waitFor();
    page.expectClean([/^401 GET \/api\/v1\/session$/, /^422 POST \/api\/v1\/patients\/\d+\/appointments\/\d+\/move-request$/]);
  });

  test('the front desk declines on Today with a reason the patient reads', async () => {
    const page = await staff('/');
    const card = page.getByTestId('move-requests');
    const row = card.getByRole('listitem').filter({ hasText: `Mara ${family}` });
    await row.getByText(/from .* at 10:00 to .* at 14:00/).waitFor();
    await row.getByText('Mornings are hard this week').waitFor();
    await checkDesktopAndTablet(page, 'Today with a request to move');
    await row.getByRole('button', { name: 'Decline' }).click();
    await row.getByLabel('Why is it declined? The patient will read this.').fill('The therapist is on a course that day');
    await row.getByRole('button', { name: 'Decline the move' }).click();
    await page.getByRole('status').filter({ hasText: `Declined Mara ${family}'s request to move` }).waitFor();
    page.expectClean([/^401 GET \/api\/v1\/session$/]);

    const mine = await portal();
    const answers = mine.getByTestId('move-answers');
    await answers.getByText(/the clinic could not move it\. The clinic said: “The therapist is on a course that day”/).waitFor();
    mine.expectClean([/^401 GET \/api\/v1\/session$/]);
  });

  test('asked again, the front desk accepts on the Schedule and the patient sees the new time', async () => {
    const page = await portal();
    const item = page.locator(`[data-appointment="${ids.appointment}"]`);
    await item.getByRole('button', { name: 'Ask to move it' }).click();
    const form = page.getByRole('form', { name: /Move your appointment/ });
    await form.getByLabel('New day').fill(secondWish);
    await form.getByLabel('New time').fill('11:30');
    await form.getByRole('button', { name: 'Ask to move' }).click();
    await page.getByText(/You asked to move it to .* at 11:30/).waitFor();
    page.expectClean([/^401 GET \/api\/v1\/session$/]);

    const desk = await staff('/schedule');
    await desk.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const row = desk.getByTestId('move-requests').getByRole('listitem').filter({ hasText: `Mara ${family}` });
    await row.getByRole('button', { name: 'Accept the move' }).click();
    await desk.getByRole('status').filter({ hasText: `Mara ${family} moved to` }).waitFor();
    desk.expectClean([/^401 GET \/api\/v1\/session$/]);
    const changes = (await api('GET', `/api/v1/appointments/${ids.appointment}/changes`)).json.items;
    assert.equal(changes.length, 1);
    assert.equal(changes[0].kind, 'rescheduled');

    const back = await portal();
    const mine = back.getByRole('region', { name: 'Your appointments' });
    await mine.getByText('11:30, 45 minutes').waitFor();
    await back.getByTestId('move-answers').getByText(/the clinic moved your appointment/).waitFor();
    back.expectClean([/^401 GET \/api\/v1\/session$/]);
  });
});
