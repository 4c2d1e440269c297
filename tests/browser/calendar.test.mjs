// The calendar and "my day" in a real browser. The clinic keeps Tokyo time
// (no daylight saving, nine hours ahead of UTC), so a time shown in UTC or in
// the browser's own zone would read differently from the one booked. Seeded
// over the API next week: two patients with a new therapist (booked Tuesday
// 10:00, cancelled Wednesday 14:30), one with the admin at the same Tuesday
// hour, and Friday a closed day; today one appointment with a draft plan for
// "my day". Checked: columns and times, status words, keyboard to next week
// and into an appointment, axe at 1280 and 768 px. The clinic's settings are
// put back afterwards for the other test files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, screenshot, signIn, tabTo, watchedPage,
  therapistFor, patientFor, openEveryDay,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const ZONE = 'Asia/Tokyo';
const therapist = { email: `cal-${tag}@browser-test.example`, password: 'calendar-pass-2026', name: `Tamsin Cal${tag}` };
const first = { given: 'Cora', family: `Calendar${tag}` };
const second = { given: 'Dev', family: `Weekly${tag}` };
let browser;
let api;
let settings;
const ids = {};

// Calendar days in Tokyo, and the UTC instant of a Tokyo wall-clock time.
const tokyoDay = (d) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
const plusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const utcOf = (day, hhmm) => new Date(Date.parse(`${day}T${hhmm}:00Z`) - 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const today = tokyoDay(new Date());
const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
const nextMonday = plusDays(today, 7 - weekday);
const nextTuesday = plusDays(nextMonday, 1);
const nextWednesday = plusDays(nextMonday, 2);
const nextFriday = plusDays(nextMonday, 4);

describe('calendar and my day', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
    await settings.set({
      time_zone: ZONE, opening_hours: openEveryDay('08:00', '19:00'),
      closed_days: [nextFriday],
    });
    const me = (await api('GET', '/api/v1/session')).json.user;
    ids.admin = me.id;
    ids.therapist = (await therapistFor(api, therapist)).id;
    ids.first = (await patientFor(api, first)).id;
    ids.second = (await patientFor(api, second)).id;
    // An intake gives the first patient a draft plan waiting for review.
    const intake = JSON.parse(readFileSync(path.resolve('../../examples/l5_numbness.json'), 'utf8'));
    await api('POST', `/api/v1/patients/${ids.first}/assessments`, { kind: 'intake', intake });
    const book = (patient, who, day, hhmm) => api('POST', '/api/v1/appointments', {
      patient_id: patient, therapist_id: who, starts_at: utcOf(day, hhmm), minutes: 60, status: 'booked', note: '',
    });
    ids.tuesday = (await book(ids.first, ids.therapist, nextTuesday, '10:00')).json.id;
    ids.adminTuesday = (await book(ids.second, ids.admin, nextTuesday, '10:00')).json.id;
    const wednesday = await book(ids.second, ids.therapist, nextWednesday, '14:30');
    ids.wednesday = wednesday.json.id;
    await api('PATCH', `/api/v1/appointments/${ids.wednesday}`, { status: 'cancelled', reason: 'patient_unwell' }, { 'If-Match': wednesday.etag });
    ids.today = (await book(ids.first, ids.therapist, today, '09:00')).json.id;
  });
  after(async () => {
    await settings?.restore();
    await browser?.close();
  });

  test('week view: next week by keyboard, columns, clinic times, status words, into an appointment', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, process.env.LOGIN_EMAIL, process.env.LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.getByText(/Times are the clinic's \(Asia\/Tokyo\)/).waitFor();
    await page.getByLabel('Therapist', { exact: true }).selectOption({ label: therapist.name });
    await page.locator('.cal-grid').waitFor();

    // To next week with the keyboard only.
    await page.getByRole('button', { name: 'Next week' }).focus();
    await page.keyboard.press('Enter');
    const booked = page.getByRole('link', { name: new RegExp(`10:00–11:00 Cora ${first.family} .*Booked`) });
    await booked.waitFor();
    const cancelled = page.getByRole('link', { name: new RegExp(`14:30–15:30 Dev ${second.family} .*Cancelled`) });
    await cancelled.waitFor();
    const columnOf = (link) => link.evaluate((a) => {
      const col = a.closest('.cal-column');
      return [...col.parentElement.querySelectorAll('.cal-column')].indexOf(col);
    });
    assert.equal(await columnOf(booked), 1, 'Tuesday is the second column');
    assert.equal(await columnOf(cancelled), 2, 'Wednesday is the third column');
    assert.equal(await page.getByRole('link', { name: new RegExp(`Dev ${second.family}.*Booked`) }).count(), 0,
      "the admin's appointment is not in this therapist's week");
    const friday = page.locator('.cal-column').nth(4);
    assert.match(await friday.innerText(), /Closed/, 'the closed day is greyed and says so');
    await checkDesktopAndTablet(page, 'calendar week');
    await screenshot(page, '60-calendar-week');

    // Arrow keys between appointments, then Enter opens the patient.
    await tabTo(page, `a[data-appointment="${ids.tuesday}"]`);
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-appointment')), String(ids.wednesday));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-appointment')), String(ids.tuesday));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Cora ${first.family}`, level: 1 }).waitFor();
    page.expectClean();
    await page.close();
  });

  test('day view: one column per therapist at the same hour', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(new URL('/calendar', process.env.BASE_URL).href);
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.locator('.cal-grid').waitFor();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Next day' }).waitFor();
    // From today to next Tuesday, a day at a time.
    const steps = (Date.parse(nextTuesday) - Date.parse(today)) / 86400_000;
    for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Next day' }).click();
    const mine = page.getByRole('region', { name: therapist.name, exact: true });
    await mine.getByRole('link', { name: new RegExp(`10:00–11:00 Cora ${first.family}`) }).waitFor();
    const admins = page.getByRole('region', { name: 'Browser Test Therapist', exact: true });
    await admins.getByRole('link', { name: new RegExp(`10:00–11:00 Dev ${second.family} .*Booked`) }).waitFor();
    await checkDesktopAndTablet(page, 'calendar day');
    await screenshot(page, '61-calendar-day');
    page.expectClean();
    await page.close();
  });

  test('my day: the therapist sees today in order with plan status and attention reasons', async () => {
    const page = await watchedPage(browser.context);
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(new URL('/', process.env.BASE_URL).href);
    // Today's cards have their answers before signing out (they would be refused after).
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, therapist.email, therapist.password);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    asked.length = 0; // Only what My day asks for.
    await page.goto(new URL('/my-day', process.env.BASE_URL).href);
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    const item = page.getByTestId('my-day').getByRole('listitem').filter({ hasText: `Cora ${first.family}` }).first();
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, /09:00–10:00/);
    assert.match(text, /Booked/);
    assert.match(text, /Plan is a draft to review/);
    assert.match(text, /Plan to review/, 'the attention reason from the server');
    assert.deepEqual(asked.filter((p) => /\/plans$|\/patients\/\d+$|\/chart$/.test(p)), [],
      'plan status and names come with the appointments, not a request per patient');
    await checkDesktopAndTablet(page, 'my day');
    await screenshot(page, '62-my-day');
    // Signing out and in again asks once for a session that is gone.
    page.expectClean([/^401 GET \/api\/v1\/session$/]);
    await page.close();
  });
});
