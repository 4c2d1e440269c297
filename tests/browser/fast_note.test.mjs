// The fast session note (issue 15): from Today to a signed routine note in at
// most six actions plus typing (each click or Enter on a control counts;
// typing into a field does not), prefilled from the approved plan with one
// row per planned technique and its regions, minutes adding up to what the
// plan gave; at 768 px every technique's full name shows in its row; axe at
// 1280 and 768 px; the form by keyboard alone; and a signed note's work
// (techniques, regions, minutes) amended from the note page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, clinicianApi, expectAccessible, launch, noHorizontalScroll, screenshot,
  signIn, tabTo, watchedPage, patientFor,
} from './harness.mjs';

const family = `Fastnote${Date.now() % 100000}`;
let browser;
let page;
let patientId = 0;
let planned = null; // The approved plan's techniques.
let sessionMinutes = 0;

const notesOf = (id) => page.evaluate(async (p) => (await (await fetch(`/api/v1/patients/${p}/sessions`)).json()).items, id);

describe('A routine session note from Today in six actions', () => {
  before(async () => {
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Ines', family, born: '1968-03-04' })).id;
    const knowledge = (await api('GET', '/api/v1/knowledge')).json;
    const intake = {
      patient: { age: 58, sex: 'female' },
      symptoms: [
        { region: 'lower_back', side: 'midline', kind: 'pain', intensity: 4 },
        { region: 'buttock', side: 'left', kind: 'pain', intensity: 6 },
        { region: 'posterior_thigh', side: 'left', kind: 'pain', intensity: 4 },
        { region: 'calf', side: 'left', kind: 'pain', intensity: 3 },
      ],
      onset_weeks: 10,
      red_flags: Object.fromEntries(knowledge.red_flags.map((f) => [f.id, false])),
    };
    const assessed = await api('POST', `/api/v1/patients/${patientId}/assessments`, { kind: 'intake', intake });
    const plan = assessed.json.plan;
    const approved = await api('POST', `/api/v1/plans/${plan.id}/approve`, undefined, { 'If-Match': `"${plan.version}"` });
    planned = approved.json.plan.techniques;
    sessionMinutes = approved.json.plan.sessions.minutes;
    const users = (await api('GET', '/api/v1/users')).json.items;
    const soon = new Date();
    // Today in the browser's own time zone, clear of the other files' early bookings
    // for the same therapist (the helper fails the test if the booking is refused).
    soon.setHours(2, 15, 0, 0);
    await api('POST', '/api/v1/appointments', {
      patient_id: patientId, therapist_id: users[0].id, starts_at: soon.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      minutes: sessionMinutes, status: 'booked',
    });
    browser = await launch();
    page = await watchedPage(browser.context);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
  after(async () => {
    await browser?.close();
  });

  test('Today → Write note → rate pain → Save and sign: at most six actions', async () => {
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    let actions = 0;
    const act = async (locator) => {
      actions += 1;
      await locator.click();
    };
    const row = page.getByTestId('today-appointments').getByRole('listitem').filter({ hasText: `Ines ${family}` });
    await row.waitFor();
    await expectAccessible(page, 'today with a write-note action');
    await act(row.getByRole('link', { name: `Write note for Ines ${family}` }));
    await page.getByRole('heading', { name: /^New session note:/ }).waitFor();

    // One row per planned technique, with all of the item's regions.
    const rows = page.getByTestId('work-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), planned.length, 'one row per planned technique');
    for (let i = 0; i < planned.length; i++) {
      const n = `row ${i + 1}`;
      assert.equal(await rows.nth(i).getByLabel(`Technique, ${n}`).inputValue(), planned[i].technique);
      const targets = planned[i].targets;
      for (let j = 0; j < targets.length; j++) {
        const which = targets.length === 1 ? n : `region ${j + 1}, ${n}`;
        assert.equal(await rows.nth(i).getByLabel(`Region, ${which}`).inputValue(), targets[j].region);
        assert.equal(await rows.nth(i).getByLabel(`Side, ${which}`).inputValue(), targets[j].side);
      }
      assert.equal(await rows.nth(i).getByLabel(`Minutes, ${n}`).inputValue(), String(planned[i].minutes));
    }
    const plannedTotal = planned.reduce((s, t) => s + t.minutes, 0);
    assert.ok(plannedTotal <= sessionMinutes);
    assert.equal(await page.getByTestId('work-total').innerText(),
      `Total: ${plannedTotal} minutes of a ${sessionMinutes}-minute session.`);
    assert.ok(planned.some((t) => t.targets.length > 1), 'the plan has an item on several regions');
    await expectAccessible(page, 'prefilled note at 1280 px');
    await page.setViewportSize({ width: 768, height: 1024 });
    await noHorizontalScroll(page);
    await expectAccessible(page, 'prefilled note at 768 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    await act(page.getByLabel('Leg pain before: 6'));
    await act(page.getByLabel('Back pain before: 4'));
    await act(page.getByLabel('Leg pain after: 3'));
    await act(page.getByLabel('Back pain after: 2'));
    await page.getByLabel('Subjective (what the patient reports)').fill('Sitting is easier this week.');
    await act(page.getByRole('button', { name: 'Save and sign' }));
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));
    console.log(`fast note: ${actions} actions from Today to a signed note`);
    assert.ok(actions <= 6, `${actions} actions`);

    const notes = await notesOf(patientId);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].status, 'signed');
    assert.deepEqual([notes[0].leg_pain_before, notes[0].back_pain_before, notes[0].leg_pain_after, notes[0].back_pain_after], [6, 4, 3, 2]);
    assert.equal(notes[0].techniques.length, planned.length);
    assert.equal(notes[0].techniques.reduce((s, t) => s + t.minutes, 0), plannedTotal);
    const several = notes[0].techniques.find((t) => t.targets);
    assert.ok(several && several.targets.length > 1, 'a row of several regions is kept as one row');
    await page.getByTestId('notes-list').getByText(/signed · pain Leg 6 → 3/).waitFor();
    page.expectClean();
  });

  test('at 768 px every technique name shows whole, and the form works by keyboard alone', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${BASE_URL}/patients/${patientId}/sessions/new`);
    await page.getByRole('heading', { name: /^New session note:/ }).waitFor();
    await page.getByTestId('work-row').first().waitFor();
    // The longest technique name of each row's list fits inside its box.
    const clipped = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d');
      const out = [];
      for (const select of document.querySelectorAll('[data-testid="work-row"] select[aria-label^="Technique"]')) {
        const cs = getComputedStyle(select);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = select.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // the arrow
        for (const option of select.options) {
          const width = ctx.measureText(option.text).width;
          if (width > room) out.push(`${option.text}: ${Math.round(width)}px in ${Math.round(room)}px`);
        }
      }
      return out;
    });
    assert.deepEqual(clipped, [], 'technique names cut short');
    await screenshot(page, 'fast-note-768');

    await page.getByLabel('Date and time').focus();
    await tabTo(page, 'input[name="leg_pain_before"]');
    await page.keyboard.press('5');
    await tabTo(page, '#soap-subjective');
    await page.keyboard.type('Second visit this week, written by keyboard.');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/patients/${patientId}$`));
    const notes = await notesOf(patientId);
    assert.equal(notes.length, 2);
    const typed = notes.find((n) => /by keyboard/.test(n.subjective));
    assert.equal(typed.status, 'signed');
    assert.equal(typed.leg_pain_before, 5);
    page.expectClean();
  });

  test('a signed note\'s work is amended from the note page', async () => {
    const [note] = (await notesOf(patientId)).filter((n) => !/by keyboard/.test(n.subjective));
    await page.goto(`${BASE_URL}/sessions/${note.id}`);
    const work = page.getByTestId('amend-work');
    await work.getByTestId('work-row').first().waitFor();
    await page.getByLabel('Why are you amending the note? (required)').fill('Ten minutes on the first item, not as planned');
    await work.getByLabel('Minutes, row 1').fill('10');
    const firstTargets = note.techniques[0].targets ?? [note.techniques[0]];
    if (firstTargets.length > 1) await work.getByRole('button', { name: 'Take out region 2, row 1' }).click();
    await expectAccessible(page, 'amending the work at 768 px');
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Save the amendment' }).click();
    const trail = page.getByTestId('amendment-trail');
    await trail.getByText('Why: Ten minutes on the first item, not as planned').waitFor();
    const amended = await page.evaluate(async (id) => (await (await fetch(`/api/v1/sessions/${id}`)).json()), note.id);
    assert.equal(amended.versions, 2);
    assert.equal(amended.techniques[0].minutes, 10);
    const regions = amended.techniques[0].targets ?? [amended.techniques[0]];
    assert.equal(regions.length, Math.max(1, firstTargets.length - 1));
    assert.deepEqual(Object.keys(amended.amendments[0].changes), ['techniques']);
    await screenshot(page, 'fast-note-amended-work');
    page.expectClean();
  });
});
