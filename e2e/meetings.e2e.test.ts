// Seed article 003 as a browser journey (V1–V6): the Montréal agent, in French, opens « Consultations »,
// creates a weekly video meeting hosted by Camille Roy three times with a second provider invited, and sees
// the three meetings under « Actives ». The invited provider signs in, finds them under « En attente » with
// their count and declines one; the agent then sees « Refusée » and cancels the whole series with the red
// « X Annuler la rencontre »: the banner says the meetings were cancelled and that the people who only got
// the link were not notified, and the list is empty. A meeting over the host's busy time is refused, the
// reason shown under the date. axe finds nothing with the form open and on the lists.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.ts';
import { organisations, services, staff, staffMemberships } from '../src/db/schema.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

const INVITED_EMAIL = 'dr.cote@demo.creneau.test';

let harness: Harness;
let timeZone: string;

/** The demo has no video service and one Montréal provider: add both (the second one is invited). */
async function addVideoWorld() {
  const db = harness.services.db;
  const [montreal] = await db.select().from(organisations).where(eq(organisations.slug, 'clinique-plateau'));
  if (!montreal) throw new Error('the demo seed changed');
  await db.insert(services).values({
    organisationId: montreal.id,
    nameFr: 'Téléconsultation',
    nameEn: 'Video consultation',
    durationMinutes: 30,
    isVideo: true,
    bookableOnline: false,
  });
  const [invited] = await db
    .insert(staff)
    .values({
      accountId: montreal.accountId,
      email: INVITED_EMAIL,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      firstName: 'Julien',
      lastName: 'Côté',
    })
    .returning();
  await db
    .insert(staffMemberships)
    .values({ staffId: invited!.id, organisationId: montreal.id, role: 'provider' });
  return montreal.timeZone;
}

beforeAll(async () => {
  harness = await startHarness();
  timeZone = await addVideoWorld();
});
afterAll(() => harness?.close());

async function openConsultations(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Courriel' }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Consultations' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Consultations' }).waitFor();
}

async function pick(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

/** The form of seed 003's meeting: Camille Roy hosts, Julien Côté is invited, every week, three times. */
async function createWeeklyMeeting(page: Page, date: string) {
  await page.getByRole('button', { name: 'Nouvelle rencontre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle rencontre vidéo' });
  await dialog.waitFor();
  await pick(page, 'Hôte', 'Camille Roy');
  // The only video service is chosen already, with its duration.
  await expect
    .poll(() => dialog.getByRole('combobox', { name: 'Motif de rencontre vidéo' }).inputValue())
    .toBe('Téléconsultation');
  expect(await dialog.getByLabel('Durée (minutes)').inputValue()).toBe('30');
  await dialog.getByLabel(/^Date/).fill(date);
  await dialog.getByLabel('Heure de début').fill('10:00');
  await pick(page, 'Professionnels invités', 'Julien Côté');
  await dialog.getByRole('textbox', { name: 'Titre' }).click();
  await pick(page, 'Répétition', 'Toutes les semaines');
  await dialog.getByRole('radio', { name: 'Après un nombre de rencontres' }).waitFor();
  await dialog.getByRole('textbox', { name: 'Nombre de rencontres' }).fill('3');
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('meetings-new-fr'), fullPage: true });
  await dialog.getByRole('button', { name: 'Créer la rencontre' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('3 rencontres vidéo ont été créées.').waitFor();
}

/** The invited provider: three invitations under « En attente »; declines the first one only. */
async function declineOneAsInvited() {
  const { context, page } = await newPage(harness);
  await openConsultations(page, INVITED_EMAIL);
  const pendingTab = page.getByRole('tab', { name: /^En attente/ });
  await expect.poll(() => pendingTab.textContent()).toContain('3');
  await pendingTab.click();
  const pending = page.getByRole('tabpanel', { name: /^En attente/ }).getByRole('article');
  await expect.poll(() => pending.count()).toBe(3);
  await pending.first().getByRole('radio', { name: 'Cette rencontre seulement' }).waitFor();
  await expectAccessible(page);
  await page.screenshot({ path: screenshotPath('meetings-pending-fr'), fullPage: true });
  await pending.first().getByRole('button', { name: 'Refuser' }).click();
  await page.getByText('Invitation refusée : l’hôte en est avisé.').waitFor();
  await expect.poll(() => pending.count()).toBe(2);
  await expect.poll(() => pendingTab.textContent()).toContain('2');
  await context.close();
}

describe('Consultations journey (seed article 003)', () => {
  it('V1–V6: a weekly meeting created by the agent, declined once by the invitee, then cancelled as a series', async () => {
    const { context, page } = await newPage(harness);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openConsultations(page, DEMO_STAFF.agent);
    await page.getByText('Aucune rencontre vidéo à venir.').waitFor();
    const date = Temporal.Now.plainDateISO(timeZone).add({ days: 3 }).toString();
    await createWeeklyMeeting(page, date);

    const active = page.getByRole('tabpanel', { name: 'Actives' }).getByRole('article');
    await expect.poll(() => active.count()).toBe(3);
    const first = active.first();
    await first.getByText('Camille Roy').waitFor();
    await first.getByText('En attente de réponse').waitFor();
    expect(await first.getByText(/^\d{3} \d{3} \d{4}$/).count()).toBe(1);
    const join = first.getByRole('link', { name: /^Rejoindre / });
    expect(await join.getAttribute('target')).toBe('_blank');
    expect(await join.getAttribute('rel')).toContain('noopener');
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('meetings-active-fr'), fullPage: true });

    // The host is busy then: the server's message shows under the date, and nothing is created.
    await page.getByRole('button', { name: 'Nouvelle rencontre' }).click();
    const again = page.getByRole('dialog', { name: 'Nouvelle rencontre vidéo' });
    await pick(page, 'Hôte', 'Camille Roy');
    await again.getByLabel(/^Date/).fill(date);
    await again.getByLabel('Heure de début').fill('10:15');
    await again.getByRole('button', { name: 'Créer la rencontre' }).click();
    await again.getByText(/^Date chevauche un autre rendez-vous de l’hôte/).waitFor();
    await again.getByRole('alert').waitFor();
    await again.getByRole('button', { name: 'Annuler', exact: true }).click();
    await again.waitFor({ state: 'hidden' });
    expect(await active.count()).toBe(3);

    await declineOneAsInvited();
    await page.reload();
    await first.getByText('Refusée', { exact: true }).waitFor();

    await first.getByRole('button', { name: 'Annuler la rencontre' }).click();
    const cancel = page.getByRole('dialog', { name: 'Annuler cette rencontre vidéo ?' });
    await cancel.getByRole('radio', { name: /^Annuler toutes les rencontres de cette série/ }).check();
    await cancel.getByRole('button', { name: 'Annuler la rencontre' }).click();
    await cancel.waitFor({ state: 'hidden' });
    const banner = page.getByRole('status').filter({ hasText: '3 rencontres ont été annulées.' });
    await banner.getByText(/n’ont pas été avisées : vous devez les aviser/).waitFor();
    await page.getByText('Aucune rencontre vidéo à venir.').waitFor();
    expect(await active.count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath('meetings-cancelled-fr'), fullPage: true });
    await context.close();
  });
});
