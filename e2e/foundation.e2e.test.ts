// Issue 3 journey (A1, P5): sign in as the demo admin in Chromium, switch the interface to English and
// back to French, see the navigation; the public landing page of an organisation; axe accessibility checks.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe('foundation journey', () => {
  it('A1/P5: the demo admin signs in, switches to English and back, and sees the navigation', async () => {
    const { context, page } = await newPage(harness);
    await page.goto('/admin');
    await page.waitForURL(/\/login/);
    await page.getByRole('textbox', { name: 'Courriel' }).fill(DEMO_STAFF.admin);
    await page.getByLabel('Mot de passe', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Courriel ou mot de passe incorrect',
    );
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    for (const name of [
      'Horaire',
      'Suivi',
      'Usagers',
      'Consultations',
      'Rapports',
      'Paramètres',
      'Boîte d’envoi',
    ]) {
      expect(await nav.getByRole('link', { name }).count()).toBe(1);
    }
    await page.getByRole('radiogroup', { name: 'Langue / Language' }).first().getByText('English').click();
    const englishNav = page.getByRole('navigation', { name: 'Main navigation' });
    await englishNav.getByRole('link', { name: 'Follow-up' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await englishNav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.screenshot({ path: screenshotPath('foundation-settings-en'), fullPage: true });
    // The choice persists across a reload.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Langue / Language' }).first().getByText('Français').click();
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Suivi' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.screenshot({ path: screenshotPath('foundation-admin-fr'), fullPage: true });
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });

  it('P1/P5: the public landing page of an organisation works on a phone, in its default language, accessibly', async () => {
    const { context, page } = await newPage(harness, {
      viewport: { width: 390, height: 844 },
      locale: 'en-CA',
    });
    await page.goto('/p/clinique-plateau');
    await page.getByRole('heading', { level: 1, name: 'Clinique du Plateau' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.screenshot({ path: screenshotPath('foundation-portal-phone'), fullPage: true });
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
