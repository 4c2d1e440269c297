// Cancelling an appointment in the schedule asks for confirmation and a
// reason in plain words: nothing is cancelled until both are given, and the
// cancellation then shows with its status; a patient cancels their own in
// the portal after confirming, but within the clinic's notice period is
// offered no button and told, in plain words, to phone instead; and a slot freed by a cancellation is offered to the
// patient waiting for it, booked from the schedule in one action. axe-core
// and 768 px on each. Moving an appointment to a taken time names who is in
// the way; to a free one it moves and keeps the old time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, signIn, watchedPage, therapistFor,
  patientFor, portalLoginFor,
} from './harness.mjs';

const stamp = Date.now() % 100000;
let browser;
let api;

describe('changing an appointment', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
  });
  after(async () => browser?.close());

  test('cancel asks to confirm with a reason before anything changes', async () => {
    const me = (await api('GET', '/api/v1/session')).json;
    const patient = await patientFor(api, { given: 'Rhea', family: `Canceltest${stamp}` });
    const at = new Date();
    at.setHours(11, 15, 0, 0);
    const booked = (await api('POST', '/api/v1/appointments', {
      patient_id: patient.id, therapist_id: me.user?.id ?? me.id, starts_at: at.toISOString().slice(0, 19) + 'Z',
      minutes: 45, status: 'booked',
    })).json;

    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const entry = page.getByTestId('therapist-week')
      .getByRole('button', { name: new RegExp(`Rhea Canceltest${stamp}`) });
    await entry.click();
    const detail = page.getByTestId('appointment-detail');
    await detail.getByRole('button', { name: 'Cancel appointment' }).click();
    const form = page.getByRole('form', { name: new RegExp(`Cancel Rhea Canceltest${stamp}`) });
    await form.waitFor();
    await checkDesktopAndTablet(page, 'cancel confirmation');
    await form.getByRole('button', { name: 'Cancel the appointment' }).click();
    await form.getByText('Choose a reason first.').waitFor();
    const still = (await api('GET', `/api/v1/patients/${patient.id}/appointments`)).json.items;
    assert.equal(still.find((a) => a.id === booked.id).status, 'booked', 'nothing cancelled yet');

    await form.getByLabel('Why is it cancelled?').selectOption({ label: 'The patient is unwell' });
    await form.getByLabel('What was said (optional)').fill('A cold, will call back');
    await form.getByRole('button', { name: 'Cancel the appointment' }).click();
    await detail.filter({ hasText: 'Status: cancelled' }).waitFor();
    const changes = (await api('GET', `/api/v1/appointments/${booked.id}/changes`)).json.items;
    assert.equal(changes.length, 1);
    assert.equal(changes[0].reason, 'patient_unwell');
    assert.equal(changes[0].reason_text, 'A cold, will call back');
    page.expectClean();
  });

  test('a patient cancels in the portal, and within the notice period is told to phone', async () => {
    const me = (await api('GET', '/api/v1/session')).json;
    const therapist = me.user?.id ?? me.id;
    const patient = await patientFor(api, { given: 'Noor', family: `Portaltest${stamp}`, born: '1982-06-07' });
    const email = `noor${stamp}@browser-test.example`;
    await portalLoginFor(api, patient.id, { email, password: 'portal password 2', name: 'Noor (portal)' });
    const hour = (ms) => new Date(Math.floor((Date.now() + ms) / 3600000) * 3600000).toISOString().slice(0, 19) + 'Z';
    const book = async (starts_at) => (await api('POST', '/api/v1/appointments', {
      patient_id: patient.id, therapist_id: therapist, starts_at, minutes: 45, status: 'booked',
    })).json;
    const soon = await book(hour(3 * 3600000));
    const later = await book(hour(10 * 24 * 3600000));

    // The staff session of the test before must not carry over.
    await browser.context.clearCookies();
    const page = await watchedPage(browser.context);
    await signIn(page, email, 'portal password 2');
    await page.getByRole('heading', { name: 'Hello, Noor' }).waitFor();
    const items = page.getByRole('region', { name: 'Your appointments' }).getByRole('listitem');
    // Within the notice period: no button, the patient is told to phone.
    await items.first().getByText(/within 24 hours, so it can no longer be changed online: please phone the clinic/).waitFor();
    assert.equal(await items.first().getByRole('button').count(), 0, 'nothing to press within the notice period');
    await items.nth(1).getByRole('button', { name: 'Cancel this appointment' }).click();
    const form = page.getByRole('form', { name: /Cancel your appointment/ });
    await form.waitFor();
    await checkDesktopAndTablet(page, 'portal cancel');
    await form.getByRole('button', { name: 'Cancel the appointment' }).click();
    await form.getByText('Choose a reason first.').waitFor();
    await form.getByLabel('Why is it cancelled?').selectOption({ label: 'Work or family commitments' });
    await form.getByRole('button', { name: 'Cancel the appointment' }).click();
    await page.getByRole('status').filter({ hasText: /Your appointment on .* is cancelled\./ }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="appointments-title"] li').length === 1);
    const mine = (await api('GET', `/api/v1/patients/${patient.id}/appointments`)).json.items;
    assert.equal(mine.find((a) => a.id === later.id).status, 'cancelled');
    assert.equal(mine.find((a) => a.id === soon.id).status, 'booked');
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
  });

  test('a freed slot is offered to the waiting patient by name and booked in one action', async () => {
    const me = (await api('GET', '/api/v1/session')).json;
    const therapist = me.user?.id ?? me.id;
    const person = (given) => patientFor(api, { given, family: `Waittest${stamp}`, born: '1979-08-09', sex: 'male' });
    const leaving = await person('Otto');
    const waiting = await person('Ivo');
    const slot = new Date(Math.floor((Date.now() + 2 * 24 * 3600000) / 3600000) * 3600000);
    const iso = (d) => d.toISOString().slice(0, 19) + 'Z';
    const booked = (await api('POST', '/api/v1/appointments', {
      patient_id: leaving.id, therapist_id: therapist, starts_at: iso(slot), minutes: 45, status: 'booked',
    }));
    await api('POST', '/api/v1/waiting-list', {
      patient_id: waiting.id, therapist_id: therapist, earliest: iso(new Date(slot - 3600000)),
      latest: iso(new Date(+slot + 3 * 3600000)), minutes: 45,
    });
    await api('POST', `/api/v1/appointments/${booked.json.id}/cancel`, { reason: 'transport' },
      { 'If-Match': booked.etag });

    await browser.context.clearCookies();
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('link', { name: 'Schedule' }).click();
    const offers = page.getByRole('region', { name: 'Waiting list: freed slots to offer' });
    const offer = offers.getByRole('listitem').filter({ hasText: `to Ivo Waittest${stamp}` });
    await offer.waitFor();
    assert.match(await offer.innerText(), /^Offer \w{3} \d+ \w{3} \d{4} at \d\d:\d\d until \d\d:\d\d with /);
    await checkDesktopAndTablet(page, 'waiting-list offer');
    await offer.getByRole('button', { name: 'Book this slot' }).click();
    await page.getByRole('status').filter({ hasText: `Booked from the waiting list: Ivo Waittest${stamp}` }).waitFor();
    const mine = (await api('GET', `/api/v1/patients/${waiting.id}/appointments`)).json.items;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].status, 'booked');
    assert.equal(mine[0].starts_at, iso(slot));
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
  });

  test('moving an appointment names who is in the way, then moves it keeping the old time', async () => {
    // A therapist of its own: the other tests book the signed-in one at times
    // that follow the clock (the portal test three hours ahead), which would
    // take the slot this test moves to at some hours of the day.
    const therapist = (await therapistFor(api, {
      email: `mover${stamp}@browser-test.example`, name: `Moss Movetherapist${stamp}`,
    })).id;
    const person = (given) => patientFor(api, { given, family: `Movetest${stamp}`, born: '1977-01-02' });
    const mover = await person('Mia');
    const other = await person('Lev');
    const at = (h) => { const d = new Date(); d.setHours(h, 0, 0, 0); return d.toISOString().slice(0, 19) + 'Z'; };
    const book = async (p, h) => (await api('POST', '/api/v1/appointments', {
      patient_id: p.id, therapist_id: therapist, starts_at: at(h), minutes: 45, status: 'booked',
    })).json;
    const moving = await book(mover, 7);
    await book(other, 8);

    await browser.context.clearCookies();
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByTestId('therapist-week').getByRole('button', { name: new RegExp(`Mia Movetest${stamp}`) }).click();
    const detail = page.getByTestId('appointment-detail');
    await detail.getByRole('button', { name: 'Move appointment' }).click();
    const form = page.getByRole('form', { name: 'Move this appointment' });
    await form.waitFor();
    await checkDesktopAndTablet(page, 'move appointment');
    await form.getByLabel('New time').fill('08:15');
    await form.getByLabel('Why is it moved?').selectOption({ label: 'Travel or transport problem' });
    await form.getByRole('button', { name: 'Move appointment' }).click();
    await form.getByText(new RegExp(`already booked with Lev Movetest${stamp}`)).waitFor();
    await form.getByLabel('New time').fill('11:00');
    await form.getByRole('button', { name: 'Move appointment' }).click();
    await page.getByRole('status').filter({ hasText: new RegExp(`Mia Movetest${stamp} moved to`) }).waitFor();
    const changes = (await api('GET', `/api/v1/appointments/${moving.id}/changes`)).json.items;
    assert.equal(changes.length, 1);
    assert.equal(changes[0].kind, 'rescheduled');
    assert.equal(changes[0].old_starts_at, at(7));
    assert.equal(changes[0].new_starts_at, at(11));
    assert.equal(changes[0].reason, 'transport');
    page.expectClean([/^401 GET \/api\/v1\/session$/, /^409 POST \/api\/v1\/appointments\/\d+\/reschedule$/]);
    await api('PATCH', `/api/v1/users/${therapist}`, { active: false });
  });
});
