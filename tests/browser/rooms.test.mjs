// Rooms in a real browser. An admin adds two rooms on Admin › Rooms and
// renames one; the front desk's booking form offers them, books one and is
// refused, by the room's name, a second booking of the same room at the same
// hour with another therapist; the move dialog changes the room; and the
// calendar's day view "By room" shows one column per room, each appointment
// with its therapist. Everything is booked tomorrow on the clinic's clock with
// two therapists and two rooms of this test's own, so no other test's
// bookings are in the way at any hour. The rooms are retired afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDesktopAndTablet, clinicianApi, launch, screenshot, signIn, watchedPage, therapistFor, patientFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const alpha = `Alpha room ${tag}`;
const beta = `Beta room ${tag}`;
const renamedBeta = `Bay room ${tag}`;
const first = { given: 'Rhea', family: `Roomtest${tag}` };
const second = { given: 'Otto', family: `Roomtest${tag}` };
let browser;
let api;
const ids = {};

describe('rooms', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    const therapist = (name) => therapistFor(api, {
      email: `${name.toLowerCase()}-${tag}@browser-test.example`, name: `${name} Room${tag}`, password: 'rooms-pass-2026',
    });
    ids.ann = (await therapist('Ann')).id;
    ids.ben = (await therapist('Ben')).id;
    const person = (p) => patientFor(api, { ...p, born: '1970-02-03', sex: 'male' });
    ids.first = (await person(first)).id;
    ids.second = (await person(second)).id;
  });
  after(async () => {
    // Rooms are kept for good: retire this test's, so no other test's form offers them.
    const rooms = (await api('GET', '/api/v1/rooms')).json.items;
    for (const r of rooms.filter((x) => x.name.endsWith(tag) && x.active)) {
      await api('PATCH', `/api/v1/rooms/${r.id}`, { active: false }, { 'If-Match': `"${r.version}"` });
    }
    await browser?.close();
  });

  test('admin adds and renames rooms', async () => {
    const page = await watchedPage(browser.context);
    await signIn(page, process.env.LOGIN_EMAIL, process.env.LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(new URL('/admin/rooms', process.env.BASE_URL).href);
    await page.getByRole('heading', { name: 'New room' }).waitFor();
    for (const name of [alpha, beta]) {
      await page.getByLabel('Room name').fill(name);
      await page.getByRole('button', { name: 'Add room' }).click();
      await page.getByRole('status').filter({ hasText: `Added ${name}.` }).waitFor();
    }
    await page.getByLabel(`Name of ${beta}`).fill(renamedBeta);
    await page.getByLabel(`Name of ${beta}`).press('Enter');
    await page.getByRole('status').filter({ hasText: `Renamed ${beta} to ${renamedBeta}.` }).waitFor();
    await page.getByRole('button', { name: `Retire ${renamedBeta}` }).waitFor();
    await checkDesktopAndTablet(page, 'admin rooms');
    await screenshot(page, '70-admin-rooms');
    page.expectClean();
    await page.close();
  });

  test('booking names a room; the same room at the same hour is refused by name; a move changes room', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(new URL('/schedule', process.env.BASE_URL).href);
    await page.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    const form = page.locator('.booking');
    await form.getByLabel('Room').waitFor();
    const day = await form.getByLabel('Day').inputValue(); // today on the clinic's clock
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
    const book = async (who, therapist) => {
      await form.getByLabel('Find patient by name').fill(`${who.given} ${who.family}`.split(' ')[1]);
      await form.getByLabel('Patient', { exact: true }).locator('option', { hasText: who.given }).waitFor({ state: 'attached' });
      await form.getByLabel('Patient', { exact: true }).selectOption({ label: `${who.family}, ${who.given} (born 3 Feb 1970)` });
      await form.getByLabel('Therapist').selectOption({ label: therapist });
      await form.getByLabel('Room').selectOption({ label: alpha });
      await form.getByLabel('Day').fill(tomorrow);
      await form.getByLabel('Time').fill('10:00');
      await form.getByLabel('Length').selectOption('60');
      await form.getByRole('button', { name: 'Book appointment' }).click();
    };
    await book(first, `Ann Room${tag}`);
    await page.getByRole('status').filter({ hasText: new RegExp(`^Booked Rhea ${first.family} with Ann Room${tag} in ${alpha}`) }).waitFor();

    await book(second, `Ben Room${tag}`);
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), new RegExp(`Room: ${alpha} is already taken by Rhea ${first.family} with Ann Room${tag} on .* at 10:00 until 11:00`));
    assert.doesNotMatch(await refusal.innerText(), /room_id/);
    await checkDesktopAndTablet(page, 'schedule with rooms');

    // Ben takes the other room instead.
    await form.getByLabel('Room').selectOption({ label: renamedBeta });
    await form.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('status').filter({ hasText: new RegExp(`^Booked Otto ${second.family} with Ben Room${tag} in ${renamedBeta}`) }).waitFor();

    // The move dialog changes the room: Otto to Alpha an hour later.
    await page.getByTestId('therapist-week').getByRole('button', { name: new RegExp(`10:00.*Otto ${second.family}`) }).click();
    const detail = page.getByTestId('appointment-detail');
    await detail.getByText(`in ${renamedBeta}`).waitFor();
    await detail.getByRole('button', { name: 'Move appointment' }).click();
    const move = page.getByRole('form', { name: 'Move this appointment' });
    await move.getByLabel('Room').selectOption({ label: alpha });
    await move.getByLabel('New time').fill('11:00');
    await move.getByRole('button', { name: 'Move appointment' }).click();
    await page.getByRole('status').filter({ hasText: new RegExp(`^Otto ${second.family} moved to .* at 11:00`) }).waitFor();
    await detail.getByText(`in ${alpha}`).waitFor();
    page.expectClean([/^409 POST \/api\/v1\/appointments$/]);
    await page.close();
    ids.tomorrow = tomorrow;
  });

  test('calendar by room: one column per room, each appointment with its therapist', async () => {
    const page = await watchedPage(browser.context);
    await page.goto(new URL('/calendar', process.env.BASE_URL).href);
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.locator('.cal-grid').waitFor();
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.getByRole('button', { name: 'Next day' }).click();
    await page.getByRole('button', { name: 'By room' }).click();
    const alphaColumn = page.getByRole('region', { name: alpha, exact: true });
    const rhea = alphaColumn.getByRole('link', { name: new RegExp(`10:00–11:00 Rhea ${first.family} Ann Room${tag}`) });
    await rhea.waitFor();
    await alphaColumn.getByRole('link', { name: new RegExp(`11:00–12:00 Otto ${second.family} Ben Room${tag}`) }).waitFor();
    await page.getByRole('region', { name: renamedBeta, exact: true }).getByText('No appointments.').waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('button', { name: 'By room' }).getAttribute('aria-pressed'), 'true');
    await checkDesktopAndTablet(page, 'calendar by room');
    await screenshot(page, '71-calendar-by-room');

    // By therapist: each appointment says its room.
    await page.getByRole('button', { name: 'By therapist' }).click();
    await page.getByRole('region', { name: `Ann Room${tag}`, exact: true })
      .getByRole('link', { name: new RegExp(`Rhea ${first.family} ${alpha}`) }).waitFor();
    page.expectClean();
    await page.close();
  });
});
