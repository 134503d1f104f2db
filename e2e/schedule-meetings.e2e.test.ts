// Video meetings in the Schedule tab (V3, V5, V6; seed 003 "from the Schedule tab"): the demo's weekly team
// meeting shows in the invited provider's week (in French); she opens it and declines, and it leaves her
// schedule. The host (English interface) opens it from his week, sees the decline, and cancels all
// meetings in the series; the banner says they were cancelled and that people who only received the link
// were not notified. axe finds nothing on the drawer and the cancel window.
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { DEMO_SECOND_PROVIDER, seedDemoMeetings } from '../src/seed/meetings.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
/** The first meeting of the demo series: two days ahead, 17:30 in Montréal. */
let firstDate: string;
beforeAll(async () => {
  harness = await startHarness();
  await seedDemoMeetings(
    harness.services.db,
    { password: DEMO_PASSWORD, videoUrlTemplate: 'https://video.example.test/{code}' },
    () => {},
  );
  firstDate = Temporal.PlainDate.from(new Date().toISOString().slice(0, 10)).add({ days: 2 }).toString();
});
afterAll(() => harness?.close());

const TITLE = 'Réunion d’équipe / Team meeting';

async function signIn(
  page: Page,
  email: string,
  labels: { email: string; password: string; submit: string },
) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: labels.email }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/admin/);
}

describe('video meetings in the schedule', () => {
  it('V3/V5/V6: the invitee declines from her week; the host cancels the whole series from his, and the banner says who was not told', async () => {
    const invitee = await newPage(harness);
    await signIn(invitee.page, DEMO_SECOND_PROVIDER, {
      email: 'Courriel',
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await invitee.page.goto(`/admin/schedule?date=${firstDate}`);
    const hers = invitee.page.locator('.creneau-meeting').filter({ hasText: TITLE });
    await hers.first().click();
    const drawer = invitee.page.getByRole('dialog', { name: TITLE });
    await drawer.getByText('Camille Roy').waitFor();
    await drawer.getByText('En attente de réponse').waitFor();
    await expectAccessible(invitee.page, '.mantine-Drawer-content');
    await drawer.getByRole('button', { name: 'Refuser' }).click();
    await drawer.getByText('Refusée', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => hers.count()).toBe(0);
    await invitee.context.close();

    const { context, page } = await newPage(harness, { locale: 'en-CA' });
    await signIn(page, DEMO_STAFF.provider, { email: 'Email', password: 'Password', submit: 'Sign in' });
    await page.goto(`/admin/schedule?date=${firstDate}`);
    const his = page.locator('.creneau-meeting').filter({ hasText: TITLE });
    await his.first().click();
    const hostDrawer = page.getByRole('dialog', { name: TITLE });
    await hostDrawer.getByText('Declined', { exact: true }).waitFor();
    await hostDrawer.getByRole('link', { name: /Join the meeting/ }).waitFor();
    await hostDrawer.getByRole('button', { name: 'Cancel meeting' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this video meeting?' });
    await confirm
      .getByRole('radio', { name: /Cancel all meetings in this series \(4 still to come\)/ })
      .check();
    await confirm.getByText('are not notified automatically').waitFor();
    await expectAccessible(page, '.mantine-Modal-content');
    await page.screenshot({ path: screenshotPath('schedule-cancel-meeting-series-en'), fullPage: true });
    await confirm.getByRole('button', { name: 'Cancel the meeting' }).click();
    const banner = hostDrawer.getByRole('status');
    await banner.getByText('4 meetings were cancelled.').waitFor();
    await banner.getByText('People you shared the meeting link with were not notified').waitFor();
    await hostDrawer.getByText('Cancelled', { exact: true }).waitFor();
    await hostDrawer.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => his.count()).toBe(0);
    await context.close();
  });
});
