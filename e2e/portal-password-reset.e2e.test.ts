// Forgotten portal password on a phone (390×844), P4/P5: from the sign-in form the person follows "Mot de
// passe oublié ?", sends the link (the address typed so far comes along), opens the link from the outbox,
// is refused a short password, sets a new one and lands in the space signed in; the session another browser
// had is over, and the spent link offers to ask for a new one. axe finds nothing on the three screens.
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.ts';
import { organisations, outboxMessages, portalAccounts, userOrganisations, users } from '../src/db/schema.ts';
import {
  expectAccessible,
  type Harness,
  newPage,
  pollEmailedLink,
  screenshotPath,
  startHarness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const SLUG = 'clinique-plateau';
const EMAIL = 'olivier.gagnon@example.com';
const OLD_PASSWORD = 'ancien-mot-de-passe';
const NEW_PASSWORD = 'nouveau-mot-de-passe-solide';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  const { db } = harness.services;
  const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, SLUG));
  const [user] = await db
    .insert(users)
    .values({ accountId: organisation!.accountId, firstName: 'Olivier', lastName: 'Gagnon', email: EMAIL })
    .returning();
  await db.insert(userOrganisations).values({ userId: user!.id, organisationId: organisation!.id });
  await db.insert(portalAccounts).values({
    userId: user!.id,
    email: EMAIL,
    passwordHash: await hashPassword(OLD_PASSWORD),
    emailVerifiedAt: new Date(),
  });
});
afterAll(() => harness?.close());

/** The link of the password-reset email to an address, once the worker has written it. */
function resetLink(recipient: string) {
  return pollEmailedLink(async () => {
    const [row] = await harness.services.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.kind, 'account_password_reset')))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(1);
    return row;
  }, /https?:\/\/\S+\/portal\/reset-password\/[\w-]+/);
}

async function signIn(page: Page, password: string) {
  await page.goto(`/portal?org=${SLUG}`);
  await page.getByRole('textbox', { name: 'Courriel' }).fill(EMAIL);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('forgotten portal password (phone)', () => {
  it('P4/P5: from the sign-in form, the person asks for a link, sets a new password from the email and lands signed in; other sessions end; the link works once', async () => {
    // Another device signed in with the old password: the reset signs it out.
    const other = await newPage(harness, { viewport: PHONE, locale: 'fr-CA' });
    await signIn(other.page, OLD_PASSWORD);
    await other.page.getByRole('heading', { level: 1, name: 'Bonjour Olivier' }).waitFor();

    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'fr-CA' });
    await page.goto(`/portal?org=${SLUG}`);
    await page.getByRole('textbox', { name: 'Courriel' }).fill(EMAIL);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    // The address typed on the sign-in form comes along.
    const email = page.getByRole('textbox', { name: 'Courriel' });
    expect(await email.inputValue()).toBe(EMAIL);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    const sent = page.getByText(`Si un compte utilise ${EMAIL}, un lien`);
    await sent.waitFor();
    // The confirmation takes the focus, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(EMAIL);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('portal-forgot-password-fr'), fullPage: true });

    const { link, subject } = await resetLink(EMAIL);
    expect(subject).toBe('Clinique du Plateau : choisissez un nouveau mot de passe');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByText(`Choisissez le nouveau mot de passe de ${EMAIL}.`).waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill('court');
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await page.getByText('Le mot de passe doit compter au moins 10 caractères.').waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bonjour Olivier' }).waitFor();
    await page.getByText(`Connecté avec ${EMAIL}`).waitFor();
    await page.screenshot({ path: screenshotPath('portal-reset-password-fr'), fullPage: true });

    // The other device's session is over: reloading shows the sign-in form.
    await other.page.reload();
    await other.page.getByRole('form', { name: 'Connexion à mon espace' }).waitFor();
    // The old password is refused, the new one signs in.
    await signIn(other.page, OLD_PASSWORD);
    await other.page.getByRole('alert').filter({ hasText: 'Courriel ou mot de passe incorrect.' }).waitFor();
    await signIn(other.page, NEW_PASSWORD);
    await other.page.getByRole('heading', { level: 1, name: 'Bonjour Olivier' }).waitFor();
    await other.context.close();

    // The link was spent: its page says so and offers a new one.
    await page.goto(link);
    await page.getByRole('alert').filter({ hasText: 'Ce lien de réinitialisation a déjà servi.' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await context.close();
  });
});
