// Portal invitations in a real browser: the clinic invites a patient from the
// patient's page and, as this server sends no mail (the page says so before
// and after inviting), gets a one-time link to pass on (where the server
// mails, the page says before inviting where the link will go); the patient
// opens it in their own browser, is refused a password that does not match
// or is too weak (in plain words), sets a good one and lands in their portal;
// the link then no longer works, and the patient's page says they have a
// login.
// Keyboard-only for the patient's form; axe-core, console and 768 px checks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, LOGIN_EMAIL, LOGIN_PASSWORD, checkDesktopAndTablet, clinicianApi, launch, screenshot, signIn,
  watchedPage, patientFor,
} from './harness.mjs';

const tag = `${Date.now() % 1000000}`;
const family = `Invitetest${tag}`;
const email = `ivy-${tag}@browser-test.example`;
let clinic;
let patientBrowser;
let patientId = 0;
let link = '';

describe('portal invitation', () => {
  before(async () => {
    clinic = await launch();
    patientBrowser = await launch();
    const api = await clinicianApi();
    patientId = (await patientFor(api, { given: 'Ivy', family, born: '1981-06-07', email })).id;
  });
  after(async () => {
    await clinic?.close();
    await patientBrowser?.close();
  });

  test('the clinic invites the patient from their page and, with no mail set up, gets a link to pass on', async () => {
    const page = await watchedPage(clinic.context);
    await signIn(page, LOGIN_EMAIL, LOGIN_PASSWORD);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    const portal = page.getByTestId('portal-access');
    await portal.getByRole('heading', { name: 'Patient portal' }).waitFor();
    const address = portal.getByLabel('Email the patient will sign in with');
    assert.equal(await address.inputValue(), email);
    // Before inviting, the desk reads what will happen to the link: here, shown to pass on.
    const delivery = portal.getByTestId('invite-delivery');
    assert.equal(await delivery.innerText(),
      'Mail is not set up on this server, so the link will not be emailed: you will be shown it here to give to Ivy.');
    await address.fill('');
    assert.match(await delivery.innerText(), /^Type the email address Ivy will sign in with\. Mail is not set up/);
    await address.fill(email);
    const button = portal.getByRole('button', { name: 'Invite to the portal' });
    assert.equal(await button.getAttribute('aria-describedby'), 'invite-delivery');
    await button.click();
    const shown = portal.getByTestId('invite-link');
    await shown.waitFor();
    assert.match(await shown.innerText(), /Give this link to Ivy\. It works once, for seven days/);
    // This server sends no mail, and the desk is told so in plain words.
    assert.match(await shown.innerText(), /Mail is not set up on this server, so the link was not emailed/);
    assert.equal(await portal.getByTestId('invite-mailed').count(), 0);
    link = await shown.getByLabel('Invitation link').inputValue();
    assert.match(link, new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}/invite#[0-9a-f]{64}$`));
    await portal.getByText(/Last link: sent to .* waiting for the patient to set a password/).waitFor();
    await checkDesktopAndTablet(page, 'patient page with a portal invitation');
    await screenshot(page, '30-portal-invitation');
    page.expectClean();
    await page.close();
  });

  // This server sends no mail; the panel's words for one that does are read
  // from the same answer, so that answer is made to say the server mails.
  test('where the server mails invitations, the panel says before inviting where the link will go', async () => {
    const other = (await patientFor(await clinicianApi(), {
      given: 'Amelia', family, born: '1990-01-02', email: `amelia-${tag}@browser-test.example`,
    })).id;
    const page = await watchedPage(clinic.context);
    await page.route(`**/api/v1/patients/${other}/portal-access`, async (route) => {
      const answer = await route.fetch();
      const access = await answer.json();
      await route.fulfill({ response: answer, json: { ...access, mails_invitations: true, why_not_mailed: null } });
    });
    await page.goto(`${BASE_URL}/patients/${other}`);
    const portal = page.getByTestId('portal-access');
    const delivery = portal.getByTestId('invite-delivery');
    await delivery.waitFor();
    assert.equal(await delivery.innerText(), `We will email the link to amelia-${tag}@browser-test.example.`);
    await portal.getByLabel('Email the patient will sign in with').fill('');
    assert.equal(await delivery.innerText(), 'Type the email address Amelia will sign in with. We will email the link to it.');
    await checkDesktopAndTablet(page, 'patient page, portal invitation by mail');
    page.expectClean();
    await page.close();
  });

  test('the patient sets their own password through the link, by keyboard, and is in their portal', async () => {
    const page = await watchedPage(patientBrowser.context);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Welcome, Ivy' }).waitFor();
    await page.getByText(email).waitFor();
    await checkDesktopAndTablet(page, 'invitation page');
    await screenshot(page, '31-invitation-page');

    // Two different passwords: refused here, in words.
    await page.getByLabel('New password').focus();
    await page.keyboard.type('juniper kettle harbour fifty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('juniper kettle harbour sixty');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The two passwords are not the same' }).waitFor();
    // A weak one: the server's refusal names the field by its label.
    await page.getByLabel('New password').fill('ivy1981');
    await page.getByLabel('The same password again').fill('ivy1981');
    await page.getByRole('button', { name: 'Save my password and sign in' }).click();
    const weak = page.getByRole('alert').filter({ hasText: 'Password: must be at least 12 characters' });
    await weak.waitFor();
    assert.doesNotMatch(await weak.innerText(), /password:|token|field/);

    await page.getByLabel('New password').fill('juniper kettle harbour fifty');
    await page.getByLabel('The same password again').fill('juniper kettle harbour fifty');
    await page.getByRole('button', { name: 'Save my password and sign in' }).click();
    await page.getByRole('navigation', { name: 'Portal' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the secret is gone from the address bar');
    page.expectClean([/^422 POST \/api\/v1\/portal-invites\/accept$/]);
    await page.close();
  });

  test('the link works once; the patient page then shows the login', async () => {
    const again = await launch();
    try {
      const page = await watchedPage(again.context);
      await page.goto(link);
      await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
      await checkDesktopAndTablet(page, 'used invitation');
      page.expectClean([/^410 POST \/api\/v1\/portal-invites\/lookup$/]);
    } finally {
      await again.close();
    }
    const page = await watchedPage(clinic.context);
    await page.goto(`${BASE_URL}/patients/${patientId}`);
    await page.getByTestId('portal-access').getByText(`Ivy signs in as ${email}.`).waitFor();
    page.expectClean();
    await page.close();
  });
});
