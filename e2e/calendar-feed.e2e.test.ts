// Calendar feed (A7, P5): the demo provider (English interface) opens Account › Calendar feed from the
// account menu, makes the private link, and a calendar app reading it gets an iCalendar document; replacing
// the link stops the old one. axe finds nothing on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe('calendar feed', () => {
  it('A7/P5: a provider makes the private link of their schedule; calendar apps read it; replacing it stops the old one', async () => {
    const { context, page } = await newPage(harness, { locale: 'en-CA' });
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_STAFF.provider);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.getByRole('button', { name: /^My account/ }).click();
    await page.getByRole('menuitem', { name: 'Calendar feed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar feed' }).waitFor();
    await page.getByRole('button', { name: 'Make my private link' }).click();
    const shown = page.getByTestId('calendar-feed-url');
    await shown.waitFor();
    const first = ((await shown.textContent()) ?? '').trim();
    expect(first).toMatch(/\/api\/v1\/public\/calendar-feeds\/[\w-]+\.ics$/);
    await page.getByText(/^On since /).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('calendar-feed-en'), fullPage: true });

    const feed = await context.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Replace the link' }).click();
    await expect.poll(async () => ((await shown.textContent()) ?? '').trim()).not.toBe(first);
    expect((await context.request.get(first)).status()).toBe(404);
    await context.close();
  });
});
