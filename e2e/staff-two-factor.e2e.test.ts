// Two-step verification of staff (A1, P5): the demo provider (English interface) opens Account › Two-step
// verification from the account menu, scans (here: reads) the key, confirms with a code, sees the ten
// recovery codes once, signs out, and signing in now asks for the code; a wrong code is refused. Then the
// clinic admin, in French, sees the badge in Settings › Staff and turns it off for the provider, whose
// password alone works again. axe finds nothing on the screens of the journey.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function fillSignIn(page: Page, email: string, labels: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: labels.email }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
}

const english = { email: 'Email', password: 'Password', submit: 'Sign in' };

describe('two-step verification', () => {
  it('A1/P5: a provider turns it on with the QR key and a code, keeps the recovery codes, and sign-in then asks for a code; an admin turns it off in French', async () => {
    const { context, page } = await newPage(harness, { locale: 'en-CA' });
    await fillSignIn(page, DEMO_STAFF.provider, english);
    await page.getByRole('button', { name: english.submit }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

    await page.getByRole('button', { name: /^My account/ }).click();
    await page.getByRole('menuitem', { name: 'Two-step verification' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    await page.getByText('Off', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await expectAccessible(page);
    const secret = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await page.getByRole('textbox', { name: /Six-digit code/ }).fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').getByText('This code is not valid').waitFor();
    await page.getByRole('textbox', { name: /Six-digit code/ }).fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).click();

    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await codes.count()).toBe(10);
    const firstRecoveryCode = (await codes.first().textContent()) ?? '';
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('staff-two-factor-codes-en'), fullPage: true });
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText(/^On since /).waitFor();
    await page.getByText('10 recovery codes left.').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: /^My account/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await fillSignIn(page, DEMO_STAFF.provider, english);
    await page.getByRole('button', { name: english.submit }).click();
    // The password was right: the code is asked for, as the next step.
    const codeField = page.getByRole('textbox', { name: /Code from your authenticator app/ });
    await codeField.waitFor();
    await page.getByRole('status').getByText('Enter the code from your authenticator app').waitFor();
    await expectAccessible(page);
    await codeField.fill('000000');
    await page.getByRole('button', { name: english.submit }).click();
    await page.getByText('Check the code and try again.').waitFor();
    // A recovery code works too (the app's code of this step was spent turning it on).
    await codeField.fill(firstRecoveryCode.toLowerCase());
    await page.getByRole('button', { name: english.submit }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await context.close();

    // The clinic admin, in French: the badge in Settings › Staff, and turning it off.
    const admin = await newPage(harness);
    await fillSignIn(admin.page, DEMO_STAFF.admin, { email: 'Courriel', password: 'Mot de passe' });
    await admin.page.getByRole('button', { name: 'Se connecter' }).click();
    await admin.page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await admin.page.goto('/admin/settings');
    // The admin of both clinics starts in the first by name (Paris): the provider works in Montréal.
    const picker = admin.page.getByRole('combobox', { name: 'Organisation' }).locator('visible=true');
    await picker.click();
    await admin.page.getByRole('option', { name: 'Clinique du Plateau' }).click();
    await expect.poll(() => picker.inputValue()).toBe('Clinique du Plateau');
    const staffTable = admin.page.getByRole('table', { name: /personnel/i });
    const row = staffTable.getByRole('row').filter({ hasText: DEMO_STAFF.provider });
    await row.getByText('Deux étapes', { exact: true }).waitFor();
    admin.page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('button', { name: /^Désactiver la validation en deux étapes de / }).click();
    await admin.page.getByText(/est désactivée ; cette personne a été déconnectée/).waitFor();
    expect(await row.getByText('Deux étapes', { exact: true }).count()).toBe(0);
    await admin.context.close();

    const again = await newPage(harness, { locale: 'en-CA' });
    await fillSignIn(again.page, DEMO_STAFF.provider, english);
    await again.page.getByRole('button', { name: english.submit }).click();
    await again.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await again.context.close();
  });
});
