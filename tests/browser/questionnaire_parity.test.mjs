// The clinic's intake and the patient portal answer the same questionnaires
// with one form (components/QuestionnaireForm). This keeps them from drifting
// apart where it matters: both are filled by keyboard alone, offer the same
// instruments with the same items and answer values, and show the same scores
// for the same answers, the server's own; the portal stores exactly those.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, screenshot, signIn, tabTo,
  watchedPage, patientFor, portalLoginFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const patientLogin = { email: `parity-${tag}@browser-test.example`, password: 'parity-pass-2026' };
const INSTRUMENTS = ['nrs_leg', 'nrs_back', 'odi', 'sbi', 'startback'];
// One ODI section left out, zeros and the ends of each scale.
const ANSWERS = {
  nrs_leg: [6],
  nrs_back: [0],
  odi: [2, 3, 1, null, 5, 2, 1, 0, 2, 3],
  sbi: [5, 4, 0, 6],
  startback: [1, 0, 0, 1, 1, 1, 0, 1, 3],
};
let browser;
let patientId = 0;
let api;

const radioName = (id, n) => (id.startsWith('nrs_') ? `q-${id}` : `q-${id}-${n}`);

// Every answer of ANSWERS with Tab, Space and the arrow keys, in the form's order.
async function answerByKeyboard(page) {
  for (const id of INSTRUMENTS) {
    for (const [i, value] of ANSWERS[id].entries()) {
      if (value === null) continue;
      const name = radioName(id, i + 1);
      await tabTo(page, `input[name="${name}"]`);
      await page.keyboard.press('Space'); // the lowest answer (each scale here starts at 0)
      for (let v = 0; v < value; v++) await page.keyboard.press('ArrowRight');
      const checked = await page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value, name);
      assert.equal(checked, String(value), `${name} answered by keyboard`);
    }
  }
}

// What a screen offers and shows: per instrument its items' legends and answer
// values, and the numbers and risk group of its score once the server answered.
async function readForm(page) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const section = document.querySelector(`section[aria-labelledby="q-${id}-title"]`);
      const groups = [...section.querySelectorAll('fieldset')];
      out[id] = {
        items: groups.map((g) => ({
          // A one-item instrument's legend is the screen's own title for it.
          legend: groups.length > 1 ? g.querySelector('legend').textContent : '',
          values: [...g.querySelectorAll('input[type=radio]')].map((r) => r.value).join(' '),
        })),
        // The score's own text, before "(n of m answered)".
        score: document.querySelector(`[data-testid="score-${id}"]`).firstChild.textContent,
      };
    }
    return out;
  }, INSTRUMENTS);
}

// The numbers (and STarT Back's risk group) of a score line, without its words.
const figures = (text) => [...(text.match(/\d+(\.\d+)?|\b(low|medium|high)\b/g) ?? [])].join(' ');

// The server's scores in the same shape: what both screens must show.
function expectedFigures(s) {
  return {
    nrs_leg: `${s.nrs_leg} 10`,
    nrs_back: `${s.nrs_back} 10`,
    odi: `${s.odi.percent.toFixed(1)}`,
    sbi: `${s.sbi.total} 24`,
    startback: `${s.startback.risk} ${s.startback.total} ${s.startback.psychosocial}`,
  };
}

// Waits until every score line shows a score, then reads the form.
async function settled(page) {
  await page.waitForFunction(
    (ids) => ids.every((id) => /\d/.test(document.querySelector(`[data-testid="score-${id}"]`)?.firstChild?.textContent ?? '')
      && !/not answered|every item|too few/.test(document.querySelector(`[data-testid="score-${id}"]`).textContent)),
    INSTRUMENTS,
  );
  return readForm(page);
}

describe('one questionnaire form for the intake and the portal', () => {
  before(async () => {
    browser = await launch();
    api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Pat', family: `Parity${tag}`, born: '1975-05-06' })).id;
    await portalLoginFor(api, patientId, { ...patientLogin, name: `Pat Parity${tag}` });
  });
  after(async () => {
    await browser?.close();
  });

  test('the same answers, by keyboard alone, give the same scores on the intake and in the portal', async () => {
    const document = Object.fromEntries(
      INSTRUMENTS.map((id) => [id, id.startsWith('nrs_') ? ANSWERS[id][0] : ANSWERS[id]]));
    const server = (await api('POST', '/api/v1/questionnaires/score', { questionnaires: document })).json;
    const expected = expectedFigures(server);

    // The clinician's intake: from the last control before the questionnaires on, only the keyboard.
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await page.getByRole('heading', { name: 'Questionnaires', exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Bothered by scents (no allergy)' }).focus();
    await answerByKeyboard(page);
    const intake = await settled(page);
    await checkDesktopAndTablet(page, 'intake questionnaires answered by keyboard');
    // The draft of the last answers is saved before signing out (it would be refused after).
    // The status line is empty (not visible) until a first save answered, and busy while one waits.
    await page.locator('[data-testid="draft-status"][aria-busy="false"]').filter({ hasText: 'Draft saved at' }).waitFor();
    page.expectClean();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The patient's portal: from the top of the page, only the keyboard, up to sending.
    await signIn(page, patientLogin.email, patientLogin.password);
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    await page.goto(`${BASE_URL}/portal/questionnaires`);
    await page.getByRole('heading', { name: 'Questionnaires before your session' }).waitFor();
    await answerByKeyboard(page);
    // A cleared answer is cleared by keyboard too, and the score says so.
    await tabTo(page, 'button[aria-label^="Clear the answer to 9."]');
    await page.keyboard.press('Enter');
    await page.getByTestId('score-startback').filter({ hasText: /every item.*8 of 9 answered/ }).waitFor();
    assert.ok(await page.evaluate(() => document.activeElement?.matches('input[name="q-startback-9"][value="0"]')),
      'focus stays on the item that was cleared');
    await page.keyboard.press('Space');
    for (let v = 0; v < ANSWERS.startback[8]; v++) await page.keyboard.press('ArrowRight');
    const portal = await settled(page);
    await checkDesktopAndTablet(page, 'portal questionnaires answered by keyboard');
    await screenshot(page, '26-portal-questionnaire-keyboard');

    for (const id of INSTRUMENTS) {
      assert.deepEqual(portal[id].items, intake[id].items, `${id}: the same items and answer values on both screens`);
      assert.equal(figures(intake[id].score), expected[id], `${id} on the intake: the server's score`);
      assert.equal(figures(portal[id].score), expected[id], `${id} in the portal: the server's score`);
    }

    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    const saved = page.getByTestId('saved');
    await saved.waitFor();
    const savedText = await saved.innerText();
    assert.equal(figures(savedText), INSTRUMENTS.map((id) => expected[id]).join(' '), `saved: ${savedText}`);
    // What the portal stored is what both screens scored.
    const chart = (await api('GET', `/api/v1/patients/${patientId}/chart`)).json;
    const stored = chart.assessments.find((a) => a.kind === 'portal');
    assert.ok(stored, 'the portal answers are in the chart');
    assert.deepEqual(expectedFigures(stored.scores), expected);
    page.expectClean();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  // The radios offer only answers the server takes, so a refused answer is
  // made by changing the request on its way: the first Oswestry answer becomes 9.
  test('a refused answer is shown at its item on both screens', async () => {
    const spoil = async (route) => {
      const body = route.request().postDataJSON();
      body.questionnaires.odi[0] = 9;
      await route.continue({ postData: JSON.stringify(body) });
    };
    const firstOdi = (page) => page.getByRole('group', { name: /^1\. pain intensity/ });
    const expectRefusedAtItem = async (page) => {
      const item = firstOdi(page);
      await item.locator('.field-refusal').filter({ hasText: /must be a whole number 0–5/ }).waitFor();
      assert.equal(await item.getAttribute('aria-invalid'), 'true');
      const describedBy = await item.getAttribute('aria-describedby');
      assert.match(await page.locator(`[id="${describedBy}"]`).innerText(), /must be a whole number 0–5/);
    };

    // The intake: its live scoring is refused.
    const page = await watchedPage(browser.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.route('**/api/v1/questionnaires/score', spoil);
    await page.goto(`${BASE_URL}/patients/${patientId}/intake`);
    await firstOdi(page).getByRole('radio', { name: '2', exact: true }).check();
    await expectRefusedAtItem(page);
    await page.getByTestId('live-scores').getByRole('alert').filter({ hasText: 'Oswestry, item 1' }).waitFor();
    await checkDesktopAndTablet(page, 'intake questionnaires with a refused answer');
    await page.unroute('**/api/v1/questionnaires/score');
    page.expectClean([/^422 POST \/api\/v1\/questionnaires\/score$/]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // The portal: what the patient sends is refused, and nothing is stored.
    const before = (await api('GET', `/api/v1/patients/${patientId}/chart`)).json.assessments.length;
    await signIn(page, patientLogin.email, patientLogin.password);
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    await page.route('**/api/v1/patients/*/questionnaires', spoil);
    await page.goto(`${BASE_URL}/portal/questionnaires`);
    await firstOdi(page).getByRole('radio', { name: '2', exact: true }).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expectRefusedAtItem(page);
    await page.locator('form > .error-box[role="alert"]').filter({ hasText: 'must be a whole number 0–5' }).waitFor();
    assert.equal(await page.getByTestId('saved').count(), 0, 'no thank-you for a refused answer');
    await checkDesktopAndTablet(page, 'portal questionnaires with a refused answer');
    const after_ = (await api('GET', `/api/v1/patients/${patientId}/chart`)).json.assessments.length;
    assert.equal(after_, before, 'nothing stored');
    // The page keeps its record from the intake above.
    page.expectClean([/^422 POST \/api\/v1\/questionnaires\/score$/, /^422 POST \/api\/v1\/patients\/\d+\/questionnaires$/]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });
});
