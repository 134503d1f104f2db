// Portal account journey on a phone (390×844), P4/P5: a visitor creates an account from the clinic's page in
// English, is refused sign-in until the address is confirmed and sends the link again, follows the link
// from the outbox with the password and lands in the space, then edits the profile (a field error, a saved
// change, a new email waiting for its confirmation). axe finds nothing on the sign-up, confirmation and
// profile screens.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, portalAccounts, userHistory, users } from '../src/db/schema.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const SLUG = 'clinique-plateau';
const EMAIL = 'lucie.martin@example.com';
const PASSWORD = 'un-mot-de-passe-solide';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** The link of the newest confirmation email to an address, once the worker has written it. */
async function newestLink(recipient: string, count: number): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const rows = await harness.services.db
          .select()
          .from(outboxMessages)
          .where(
            and(eq(outboxMessages.recipient, recipient), eq(outboxMessages.kind, 'account_verification')),
          )
          .orderBy(desc(outboxMessages.createdAt));
        link = /https?:\/\/\S+\/portal\/verify\/[\w-]+/.exec(rows[0]?.bodyText ?? '')?.[0] ?? '';
        return rows.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return link;
}

describe('portal account journey (phone)', () => {
  it('P4/P5: a visitor signs up in English, is asked to confirm before signing in, resends the link, confirms with the password and edits the profile', async () => {
    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'en-CA' });
    await page.goto(`/p/${SLUG}`);
    // The clinic speaks French by default; the visitor switches to English.
    await page.getByRole('link', { name: 'Créer mon compte' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Langue / Language' }).getByText('English').click();
    await page.getByRole('link', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create my account' }).waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Lucie');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Martin');
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('The password must have at least 10 characters.').waitFor();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('Check your inbox').waitFor();
    await page.screenshot({ path: screenshotPath('portal-sign-up-en'), fullPage: true });
    const first = await newestLink(EMAIL, 1);

    // Before confirming: sign-in is refused with a way to get the link again.
    await page.goto(`/portal?org=${SLUG}`);
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Confirm your email address first' }).waitFor();
    await page.getByRole('button', { name: 'Send the link again' }).click();
    await page.getByRole('status').filter({ hasText: 'a new link is on its way' }).waitFor();
    const link = await newestLink(EMAIL, 2);
    expect(link).not.toBe(first);

    await page.goto(link);
    await page.getByText(`Enter your password to confirm ${EMAIL}`).waitFor();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello Lucie' }).waitFor();
    const [account] = await harness.services.db
      .select()
      .from(portalAccounts)
      .where(eq(portalAccounts.email, EMAIL));
    expect(account?.emailVerifiedAt).not.toBeNull();

    // Profile: a field error names the field, then a saved change shows in the record's history.
    const profile = page.getByRole('form', { name: 'My profile' });
    await profile.getByRole('textbox', { name: 'Mobile phone' }).fill('12');
    await profile.getByRole('button', { name: 'Save my profile' }).click();
    await profile.getByText('Mobile phone is not a valid phone number').waitFor();
    await profile.getByRole('textbox', { name: 'Mobile phone' }).fill('514 555 0142');
    await profile.getByRole('textbox', { name: 'Last name' }).fill('Martin-Roy');
    await profile.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const [record] = await harness.services.db.select().from(users).where(eq(users.id, account!.userId));
    expect(record).toMatchObject({ lastName: 'Martin-Roy', mobilePhone: '+15145550142' });
    const edits = await harness.services.db
      .select()
      .from(userHistory)
      .where(and(eq(userHistory.userId, account!.userId), eq(userHistory.action, 'updated')));
    expect(edits.some((entry) => entry.actorIsUser)).toBe(true);

    // A new email: the current password is asked, the old address stays in use until confirmed.
    await profile.getByRole('textbox', { name: 'Email' }).fill('lucie.new@example.com');
    await profile.getByLabel(/^Current password/).fill(PASSWORD);
    await expectAccessible(page);
    await profile.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Waiting for confirmation: lucie.new@example.com').waitFor();
    await page.getByText(`Signed in with ${EMAIL}`).waitFor();
    await page.screenshot({ path: screenshotPath('portal-profile-en'), fullPage: true });
    await context.close();
  });
});
