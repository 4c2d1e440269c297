// A therapist's working hours, breaks and time off in a real browser, and
// booking on the clinic's clock across a daylight-saving change: an admin
// sets a week by keyboard (a bad break is refused naming the day), adds and
// withdraws time off; with the clinic in Europe/London and the device in New
// York, a booking typed for 09:00 on the Monday after the spring change is
// stored at 08:00 UTC and shown as 09:00, the week greys out days off and
// shows hours and time off, and bookings in a break or in time off are
// refused in plain words. axe and 768 px on each page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, checkDesktopAndTablet, clinicianApi, clinicSettingsFor, launch, tabTo, therapistFor,
  patientFor, signInAsClinician, watchedPageInZone,
} from './harness.mjs';

const stamp = Date.now() % 100000;
const therapistName = `Wren Hours${stamp}`;
// The Monday after the UK's clocks go forward on Sunday 28 March 2027.
const MONDAY = '2027-03-29';
const TUESDAY = '2027-03-30';
let browser;
let api;
let therapist;
let patient;
let settings;

async function open(path) {
  // The device's own zone differs from the clinic's: what a person reads and
  // types must follow the clinic's.
  const page = await watchedPageInZone(browser.context, 'America/New_York');
  // Signed in already when an earlier test left its session in the browser.
  await signInAsClinician(page);
  await page.goto(`${BASE_URL}${path}`);
  return page;
}

describe('working hours, time off and booking on the clinic clock', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    settings = clinicSettingsFor(api);
    await settings.set({ time_zone: 'Europe/London' });
    therapist = await therapistFor(api, { email: `wren${stamp}@browser-test.example`, name: therapistName });
    patient = await patientFor(api, { given: 'Robin', family: `Hourstest${stamp}`, born: '1975-05-06' });
    const knowledge = (await api('GET', '/api/v1/knowledge')).json;
    const intake = {
      patient: { age: 51, sex: 'female' },
      symptoms: [{ region: 'buttock', side: 'right', kind: 'pain', intensity: 5 }],
      onset_weeks: 8,
      red_flags: Object.fromEntries(knowledge.red_flags.map((f) => [f.id, false])),
    };
    const plan = (await api('POST', `/api/v1/patients/${patient.id}/assessments`, { kind: 'intake', intake })).json.plan;
    await api('POST', `/api/v1/plans/${plan.id}/approve`, undefined, { 'If-Match': `"${plan.version}"` });
  });
  after(async () => {
    // Leave the clinic as the other suites expect it.
    await settings?.restore();
    if (therapist) await api('PATCH', `/api/v1/users/${therapist.id}`, { active: false });
    await browser?.close();
  });

  test('an admin sets a week by keyboard, and adds and withdraws time off', async () => {
    const page = await open('/hours');
    await page.getByRole('heading', { name: 'Working hours and time off', level: 1 }).waitFor();
    await page.getByLabel('Therapist', { exact: true }).selectOption(String(therapist.id));
    const form = page.getByTestId('working-hours-form');
    await form.getByRole('heading', { name: `Working hours of ${therapistName}` }).waitFor();
    assert.match(await form.innerText(), /No hours are set yet, so any time can be booked/);

    // Monday by keyboard: tick, then type the times.
    await tabTo(page, 'input[type="checkbox"]');
    await page.keyboard.press('Space');
    const monday = form.getByRole('group', { name: 'Monday' });
    await monday.getByLabel('Starts').waitFor();
    await monday.getByLabel('Starts').fill('09:00');
    await monday.getByLabel('Ends').fill('17:00');
    await monday.getByLabel('Break from (optional)').fill('12:30');
    await monday.getByLabel('Break until').fill('13:00');
    // Tuesday with a break outside its hours: refused, naming the day.
    const tuesday = form.getByRole('group', { name: 'Tuesday' });
    await tuesday.getByLabel('Works on Tuesday').check();
    await tuesday.getByLabel('Starts').fill('09:00');
    await tuesday.getByLabel('Ends').fill('12:00');
    await tuesday.getByLabel('Break from (optional)').fill('13:00');
    await tuesday.getByLabel('Break until').fill('13:30');
    await form.getByRole('button', { name: 'Save working hours' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Tuesday: a break must lie inside working hours on Tuesday/);
    await tuesday.getByLabel('Break from (optional)').fill('');
    await tuesday.getByLabel('Break until').fill('');
    await tuesday.getByLabel('Ends').fill('17:00');
    await form.getByRole('button', { name: 'Save working hours' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `The working hours of ${therapistName} were saved.` }).waitFor();
    const stored = (await api('GET', `/api/v1/therapists/${therapist.id}/availability`)).json;
    assert.deepEqual(stored.hours, [
      { weekday: 'monday', starts: '09:00', ends: '17:00' }, { weekday: 'tuesday', starts: '09:00', ends: '17:00' },
    ]);
    assert.deepEqual(stored.breaks, [{ weekday: 'monday', starts: '12:30', ends: '13:00' }]);

    // Time off all of Tuesday, and a second one withdrawn (kept in the list).
    const timeOff = page.getByTestId('time-off');
    const add = async (from, to) => {
      await timeOff.getByLabel('Away from (day)').fill(from);
      await timeOff.getByLabel('Back on (day)').fill(to);
      await timeOff.getByLabel('Reason (optional)').fill('Course');
      await timeOff.getByRole('button', { name: 'Add time off' }).click();
    };
    await add(TUESDAY, '2027-03-31');
    const tuesdayOff = 'from Tue 30 Mar 2027 at 00:00 until Wed 31 Mar 2027 at 00:00';
    await timeOff.getByRole('listitem').filter({ hasText: `Away ${tuesdayOff}: Course` }).waitFor();
    await add('2027-04-05', '2027-04-06');
    const easter = 'from Mon 5 Apr 2027 at 00:00 until Tue 6 Apr 2027 at 00:00';
    await timeOff.getByRole('button', { name: `Withdraw time off ${easter}` }).click();
    await timeOff.getByRole('listitem').filter({ hasText: `Away ${easter}: Course (withdrawn)` }).waitFor();
    assert.equal(await timeOff.getByRole('button', { name: /^Withdraw/ }).count(), 1, 'only the one in force');
    await checkDesktopAndTablet(page, 'working hours');
    page.expectClean([/^422 PUT \/api\/v1\/therapists\/\d+\/availability$/]);
    await page.close();
  });

  test('booking on the clinic clock across the spring change, refused in a break and in time off', async () => {
    const page = await open('/schedule');
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const book = async (day, time) => {
      await page.getByLabel('Find patient by name').fill(`Hourstest${stamp}`);
      await page.getByLabel('Patient', { exact: true }).selectOption(String(patient.id));
      // The plan's suggested day arrives first; the day typed after it stays.
      await page.getByTestId('plan-match').waitFor();
      await page.getByLabel('Therapist', { exact: true }).selectOption(String(therapist.id));
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Time').fill(time);
      await page.getByLabel('Length').selectOption('60');
      await page.getByRole('button', { name: 'Book appointment' }).click();
    };
    await book(MONDAY, '09:00');
    await page.getByRole('status')
      .filter({ hasText: `Booked Robin Hourstest${stamp} with ${therapistName} on Mon 29 Mar 2027 at 09:00.` }).waitFor();
    // Stored in UTC: British Summer Time began the day before.
    const week = (await api('GET', `/api/v1/appointments?from=${MONDAY}T00:00:00Z&to=2027-03-30T00:00:00Z&therapist_id=${therapist.id}`)).json;
    assert.deepEqual(week.items.map((a) => a.starts_at), ['2027-03-29T08:00:00Z']);

    const column = page.getByTestId('therapist-week').filter({ hasText: therapistName });
    await column.getByRole('button', { name: new RegExp(`^09:00 Robin Hourstest${stamp}`) }).waitFor();
    const days = column.getByTestId('week-day');
    assert.match(await days.nth(0).innerText(), /09:00–17:00, break 12:30–13:00/);
    assert.match(await days.nth(1).innerText(), /Away from Tue 30 Mar 2027 at 00:00/);
    assert.match(await days.nth(6).innerText(), /Not working/);
    assert.match(await days.nth(1).getAttribute('class'), /unavailable/);
    assert.match(await days.nth(6).getAttribute('class'), /unavailable/);
    assert.doesNotMatch(await days.nth(0).getAttribute('class'), /unavailable/);

    await book(MONDAY, '12:30');
    const refusal = page.locator('form.booking').getByRole('alert');
    await refusal.filter({ hasText: `Mon 29 Mar 2027 at 12:30 until 13:30 runs into ${therapistName}'s break` }).waitFor();
    await book(TUESDAY, '10:00');
    await refusal.filter({ hasText: `${therapistName} is away from Tue 30 Mar 2027 at 00:00 until Wed 31 Mar 2027 at 00:00` }).waitFor();
    // No UTC string or wire format for a person to read.
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T|\bUTC\b|\d{2}:\d{2}:\d{2}Z/);
    await checkDesktopAndTablet(page, 'schedule with working hours');
    page.expectClean([/^409 POST \/api\/v1\/appointments$/]);
    await page.close();
  });
});
