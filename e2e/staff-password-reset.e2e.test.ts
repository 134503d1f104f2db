// Forgotten staff password (A1, P5): from the staff sign-in page the provider follows "Mot de passe
// oublié ?", sends the link (the address typed so far comes along), opens the link from the staff outbox,
// is refused a short password, sets a new one and lands in the admin app signed in; the session another
// browser had is over, the old password is refused, and the spent link offers to ask for a new one. axe
// finds nothing on the screens of the journey.
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffOutbox } from '../src/db/schema.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import {
  expectAccessible,
  type Harness,
  newPage,
  pollEmailedLink,
  screenshotPath,
  startHarness,
} from './harness.ts';

const EMAIL = DEMO_STAFF.provider;
const NEW_PASSWORD = 'nouveau-mot-de-passe-solide';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** The link of the password-reset email to an address, once the worker has written it. */
function resetLink(recipient: string) {
  return pollEmailedLink(async () => {
    const [row] = await harness.services.db
      .select()
      .from(staffOutbox)
      .where(and(eq(staffOutbox.recipient, recipient), eq(staffOutbox.event, 'staff_password_reset')))
      .orderBy(desc(staffOutbox.createdAt))
      .limit(1);
    return row;
  }, /https?:\/\/\S+\/reset-password\/[\w-]+/);
}

async function signIn(page: Page, password: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Courriel' }).fill(EMAIL);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const adminNavigation = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

describe('forgotten staff password', () => {
  it('A1/P5: from the staff sign-in page, a provider asks for a link, sets a new password from the email and lands in the admin app signed in; other sessions end; the link works once', async () => {
    // Another browser signed in with the old password: the reset signs it out.
    const other = await newPage(harness);
    await signIn(other.page, DEMO_PASSWORD);
    await adminNavigation(other.page).waitFor();

    const { context, page } = await newPage(harness);
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Courriel' }).fill(EMAIL);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié ?' }).waitFor();
    // The address typed on the sign-in form comes along.
    expect(await page.getByRole('textbox', { name: 'Courriel' }).inputValue()).toBe(EMAIL);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'M’envoyer un lien' }).click();
    await page.getByText(`Si ${EMAIL} correspond à un compte du personnel`).waitFor();
    // The confirmation takes the focus, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(EMAIL);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('staff-forgot-password-fr'), fullPage: true });

    const { link, subject } = await resetLink(EMAIL);
    // Asked from a French page, written in the provider's own language (English in the demo).
    expect(subject).toBe('Clinique du Plateau: choose a new password');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByText(`Nouveau mot de passe pour ${EMAIL}.`).waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill('court');
    await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
    await page.getByText('Doit comporter au moins 10 caractères.').waitFor();
    await expectAccessible(page);
    await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
    await adminNavigation(page).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin/);
    await page.screenshot({ path: screenshotPath('staff-reset-password-fr'), fullPage: true });

    // The other browser's session is over: reloading leads to the sign-in page.
    await other.page.reload();
    await other.page.waitForURL(/\/login/);
    await signIn(other.page, DEMO_PASSWORD);
    await other.page.getByRole('alert').filter({ hasText: 'Courriel ou mot de passe incorrect' }).waitFor();
    await signIn(other.page, NEW_PASSWORD);
    await adminNavigation(other.page).waitFor();
    await other.context.close();

    // The link was spent: its page says so and offers a new one.
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'Ce lien de réinitialisation a déjà servi.' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié ?' }).waitFor();
    await context.close();
  });
});
