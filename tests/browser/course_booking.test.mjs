// Booking the course from the plan in a real browser (issue 16): on the
// patient's page the "Book the course" panel says the plan's rhythm in
// words and proposes the sessions left, each adjustable; four sessions are
// booked in a few actions (a start day, then "Book all"), the
// answer and the chart say what was booked in plain words, and the panel
// is keyboard usable, passes axe and fits a 768 px tablet. The test books
// with a therapist and patient of its own, years ahead, so no other test's
// bookings meet it at any hour of the day.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, checkDesktopAndTablet, clinicianApi, launch, watchedPage, therapistFor, patientFor, signInAsClinician,
} from './harness.mjs';

const stamp = Date.now() % 100000;
const therapistName = `Ivy Course${stamp}`;
const family = `Coursetest${stamp}`;
let browser;
let api;
let therapist;
let patient;

describe('booking the course from the plan', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    therapist = await therapistFor(api, { email: `ivy${stamp}@browser-test.example`, name: therapistName });
    const knowledge = (await api('GET', '/api/v1/knowledge')).json;
    await api('PUT', `/api/v1/therapists/${therapist.id}/profile`, {
      modalities: knowledge.techniques.map((t) => t.id), years_experience: 9, sciatica_experience_years: 4, bio: '',
    });
    const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
    await api('PUT', `/api/v1/therapists/${therapist.id}/availability`, {
      hours: weekdays.map((weekday) => ({ weekday, starts: '09:00', ends: '17:00' })), breaks: [], version: 0,
    });
    patient = await patientFor(api, { given: 'Sage', family, born: '1970-02-03', sex: 'male' });
    const intake = {
      patient: { age: 56, sex: 'male' },
      symptoms: [{ region: 'buttock', side: 'left', kind: 'pain', intensity: 5 }],
      onset_weeks: 8,
      red_flags: Object.fromEntries(knowledge.red_flags.map((f) => [f.id, false])),
    };
    const plan = (await api('POST', `/api/v1/patients/${patient.id}/assessments`, { kind: 'intake', intake })).json.plan;
    await api('POST', `/api/v1/plans/${plan.id}/approve`, undefined, { 'If-Match': `"${plan.version}"` });
    // Book all but four of the course by the API, so the page books a course of four.
    const first = (await api('GET', `/api/v1/patients/${patient.id}/course-proposal?from=2031-01-06&therapist_id=${therapist.id}`)).json;
    assert.ok(first.sessions.length >= 4, JSON.stringify(first));
    const early = first.sessions.slice(0, first.sessions.length - 4);
    if (early.length) {
      await api('POST', `/api/v1/patients/${patient.id}/course-bookings`, {
        mode: 'all', slots: early.map((s) => ({ therapist_id: s.therapist_id, starts_at_local: s.starts_at_local })),
      });
    }
  });
  after(async () => {
    if (therapist) await api('PATCH', `/api/v1/users/${therapist.id}`, { active: false });
    await browser?.close();
  });

  test('a course of four is proposed at the plan\'s rhythm and booked in a few actions', async () => {
    const page = await watchedPage(browser.context);
    await signInAsClinician(page);
    await page.goto(`${BASE_URL}/patients/${patient.id}`);
    const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Book the course' }) });
    const rhythm = panel.getByTestId('course-rhythm');
    await rhythm.waitFor();
    assert.match(await rhythm.innerText(), /The approved plan: \d+ sessions? a week, \d+ sessions, \d+ minutes/);
    assert.match(await rhythm.innerText(), /sessions booked, 4 left/);

    // A start day proposes again; so does the button, by keyboard.
    await panel.getByLabel('Start from').fill('2031-06-02');
    await page.waitForFunction(() => document.querySelector('[aria-label="Day of session 1"]')?.value.startsWith('2031-06'));
    // Proposing again answers the same; wait until that answer is on screen,
    // or it lands after the edit below and puts the proposed time back.
    const again = page.waitForEvent('requestfinished', (r) => r.url().includes('/course-proposal'));
    await panel.getByRole('button', { name: 'Propose again' }).focus();
    await page.keyboard.press('Enter');
    await again;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const table = panel.getByTestId('course-proposal');
    assert.equal(await table.getByRole('row').count(), 5, 'a heading row and four sessions');
    // Each session can be adjusted: the fourth moves an hour later.
    const time4 = table.getByLabel('Time of session 4');
    const before4 = await time4.inputValue();
    const later = `${String(Number(before4.slice(0, 2)) + 1).padStart(2, '0')}${before4.slice(2)}`;
    await time4.fill(later);
    assert.ok(await table.getByLabel('Therapist for session 1').getByRole('option', { name: therapistName }).count());

    await panel.getByRole('button', { name: 'Book all' }).click();
    const result = panel.getByTestId('course-result');
    await result.waitFor();
    assert.match(await result.innerText(), new RegExp(`Booked 4 of 4 sessions for Sage ${family}`));
    assert.equal(await result.getByRole('listitem').filter({ hasText: /^Booked: \w{3} \d{1,2} \w{3} 2031 at \d\d:\d\d with / }).count(), 4);
    assert.match(await result.innerText(), new RegExp(`at ${later} with`));
    // The chart's course says it in words, with the next appointments.
    const summary = page.getByTestId('course-summary');
    await summary.filter({ hasText: /sessions booked, 0 left/ }).waitFor();
    await panel.getByTestId('course-nothing-left').waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T|\bUTC\b|\d{2}:\d{2}:\d{2}Z|plan_id|therapist_id/);
    await checkDesktopAndTablet(page, 'book the course');
    page.expectClean();
    await page.close();
  });
});
