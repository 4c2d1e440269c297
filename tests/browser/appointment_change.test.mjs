// Cancelling an appointment in the schedule asks for confirmation and a
// reason in plain words: nothing is cancelled until both are given, and the
// cancellation then shows with its status. axe-core and 768 px on the form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, signIn, watchedPage,
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
    const patient = (await api('POST', '/api/v1/patients', {
      given_name: 'Rhea', family_name: `Canceltest${stamp}`, date_of_birth: '1975-04-05', sex: 'female',
    })).json;
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
  });
});
