// The Schedule shows each patient's name from the week's own answer (GET
// /appointments carries it): a busy week of many patients costs no request
// per patient. A request of this test's own patient shows by name in the
// week and among the requests waiting, and no patient is read by id.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOGIN_EMAIL, LOGIN_PASSWORD, clinicianApi, launch, signIn, watchedPage } from './harness.mjs';

const stamp = Date.now() % 100000;
let browser;
let api;

describe('the schedule names its patients', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
  });
  after(async () => browser?.close());

  test('names come with the week, with no read of each patient', async () => {
    const me = (await api('GET', '/api/v1/session')).json;
    const patient = (await api('POST', '/api/v1/patients', {
      given_name: 'Ines', family_name: `Namestest${stamp}`, date_of_birth: '1968-02-03', sex: 'female',
    })).json;
    // A request holds no slot, so it is in no other test's way at any hour.
    const at = new Date();
    at.setHours(10, 20, 0, 0);
    await api('POST', '/api/v1/appointments', {
      patient_id: patient.id, therapist_id: me.user?.id ?? me.id, starts_at: at.toISOString().slice(0, 19) + 'Z',
      minutes: 30, status: 'requested',
    });

    const page = await watchedPage(browser.context);
    const patientReads = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/patients\/\d+$/.test(new URL(r.url()).pathname)) patientReads.push(r.url());
    });
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await page.getByTestId('therapist-week')
      .getByRole('button', { name: new RegExp(`Ines Namestest${stamp}`) }).waitFor();
    await page.getByText(new RegExp(`Ines Namestest${stamp}: `)).first().waitFor();
    assert.deepEqual(patientReads, [], 'no patient read one by one');
    page.expectClean();
  });
});
