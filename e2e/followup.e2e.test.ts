// Seed articles 000/001 as a browser journey (F1–F5, S5, S7, N1, N3, R1): the demo admin opens « Suivi » in
// Clinique du Plateau, selects the upcoming appointment of a user who has an email, and in the batch-action
// window chooses Non-admissible → Non-admissible + annuler le rendez-vous → Courriel → Verrouiller l’horaire
// libéré. The « Statut client » column shows Annulé, the appointment's history shows the not-eligible and
// cancellation entries, the drawer's « Voir dans l’horaire » opens the appointment in the Schedule
// (?appointment=<id>) beside the red lock, the outbox shows the cancellation email; then, in
// English, Reports count the cancellation, a reminder goes out on demand and Account › Notifications saves
// a setting. axe finds nothing on Follow-up, Reports and Outbox, on a desktop and on a phone.
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availabilityRules, locations, organisations, staff } from '../src/db/schema.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { localInstant, makeAppointment, makeService, makeUser } from '../test/scheduling-factories.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
let world: Awaited<ReturnType<typeof buildWorld>>;

/** Clinique du Plateau gets a service, Camille Roy's weekly hours and two users; bookings come later. */
async function buildWorld() {
  const db = harness.services.db;
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, 'clinique-plateau'));
  const [provider] = await db.select().from(staff).where(eq(staff.email, DEMO_STAFF.provider));
  const [location] = await db
    .select()
    .from(locations)
    .where(
      and(eq(locations.organisationId, organisation!.id), eq(locations.name, 'Plateau — avenue du Parc')),
    );
  if (!organisation || !provider || !location) throw new Error('the demo seed changed');
  const service = await makeService(db, organisation.id, location.id, {
    nameFr: 'Vaccination antigrippale',
    nameEn: 'Flu shot',
    durationMinutes: 15,
  });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      organisationId: organisation.id,
      providerId: provider.id,
      locationId: location.id,
      weekday,
      startTime: '08:00',
      endTime: '18:00',
    })),
  );
  const lea = await makeUser(db, organisation.accountId, organisation.id, {
    firstName: 'Léa',
    lastName: 'Bouchard',
    email: 'lea.bouchard@example.com',
  });
  const noah = await makeUser(db, organisation.accountId, organisation.id, {
    firstName: 'Noah',
    lastName: 'Gagné',
    mobilePhone: '+15145550177',
  });
  // A past appointment of Léa's, written directly (booking refuses the past).
  await makeAppointment(db, {
    organisationId: organisation.id,
    serviceId: service.id,
    providerId: provider.id,
    locationId: location.id,
    startsAt: localInstant(organisation.timeZone, -2, '09:00:00'),
    userIds: [lea.id],
    minutes: 15,
  });
  return { organisation, provider, location, service, lea, noah };
}

beforeAll(async () => {
  harness = await startHarness();
  world = await buildWorld();
});
afterAll(() => harness?.close());

async function signInAtPlateau(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Courriel' }).fill(DEMO_STAFF.admin);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  const isPhone = page.viewportSize()!.width < 768;
  const burger = page.getByRole('button', { name: 'Afficher ou masquer la navigation' });
  if (isPhone) await burger.click();
  const picker = page.getByRole('combobox', { name: 'Organisation' }).locator('visible=true');
  if ((await picker.count()) && (await picker.inputValue()) !== 'Clinique du Plateau') {
    await picker.click();
    await page.getByRole('option', { name: 'Clinique du Plateau' }).click();
    await expect.poll(() => picker.inputValue()).toBe('Clinique du Plateau');
  }
  if (isPhone) await burger.click();
}

/** Books through the API as the signed-in admin (the CSRF token comes from the session). */
async function book(page: Page, userId: string, days: number, time: string) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const response = await page.request.post(`/api/v1/orgs/${world.organisation.id}/appointments`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      serviceId: world.service.id,
      providerId: world.provider.id,
      locationId: world.location.id,
      startsAt: localInstant(world.organisation.timeZone, days, time),
      userIds: [userId],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}

async function outboxMessages(page: Page) {
  const response = await page.request.get(`/api/v1/orgs/${world.organisation.id}/outbox?limit=50`);
  return (await response.json()) as { kind: string; recipient: string; status: string }[];
}

// The journey crosses five screens and waits for the worker to deliver an email: longer than the default.
const JOURNEY_TIMEOUT_MS = 150_000;

describe('follow-up journey (seed articles 000/001)', () => {
  it(
    'F1–F5/N1/S5/R1/N3: not eligible + cancel with an email and a locked slot, seen everywhere',
    async () => {
      const { context, page } = await newPage(harness);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await signInAtPlateau(page);
      const upcomingDate = Temporal.Now.plainDateISO(world.organisation.timeZone).add({ days: 2 }).toString();
      await book(page, world.lea.id, 2, '10:00:00');
      await book(page, world.noah.id, 2, '11:00:00');

      // F1: « Suivi » lists one row per participant, with the « Statut client » column.
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Suivi' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Suivi' }).waitFor();
      const table = page.getByRole('table', { name: 'Suivi des rendez-vous' });
      await table.getByRole('columnheader', { name: 'Statut client' }).waitFor();
      await page.getByRole('status').filter({ hasText: '3 rendez-vous affichés' }).waitFor();
      const leaUpcoming = table
        .getByRole('row')
        .filter({ hasText: 'Léa Bouchard' })
        .filter({ hasText: 'À venir' });
      await leaUpcoming.getByText('Prévu', { exact: true }).waitFor();
      await leaUpcoming.getByRole('link', { name: 'Léa Bouchard' }).waitFor();
      await page.screenshot({ path: screenshotPath('followup-list-fr'), fullPage: true });
      await expectAccessible(page);

      // F2: select the upcoming appointment → batch-action window → Non-admissible.
      await leaUpcoming.getByRole('checkbox', { name: /^Sélectionner Léa Bouchard/ }).check();
      await page.getByText('1 ligne sélectionnée').waitFor();
      await page.getByRole('button', { name: 'Actions en lot' }).click();
      const dialog = page.getByRole('dialog', { name: 'Actions en lot' });
      await dialog.getByRole('radio', { name: 'Non-admissible' }).check();
      await dialog.getByRole('button', { name: 'Continuer' }).click();

      // F3: the appointment is upcoming, so the choice opens.
      await dialog.getByRole('heading', { name: 'Choisir l’action à appliquer au rendez-vous' }).waitFor();
      await dialog.getByRole('radio', { name: 'Non-admissible', exact: true }).waitFor();
      await dialog.getByRole('radio', { name: 'Non-admissible + annuler le rendez-vous' }).check();
      await dialog.getByRole('button', { name: 'Continuer' }).click();

      // F4: Léa has an email and no mobile: Courriel and Sans avis are offered, SMS is not.
      await dialog.getByRole('heading', { name: 'Paramètres d’annulation' }).waitFor();
      expect(await dialog.getByRole('radio', { name: 'SMS (texto)' }).isDisabled()).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'Sans avis' }).isDisabled()).toBe(false);
      await dialog.getByRole('radio', { name: 'Courriel' }).check();
      const lock = dialog.getByRole('switch', { name: 'Verrouiller l’horaire libéré' });
      expect(await lock.isChecked()).toBe(false);
      await lock.check();
      await page.screenshot({ path: screenshotPath('followup-cancellation-settings-fr') });
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Confirmer l’annulation' }).click();

      // F5: the report, then the status column says Annulé.
      await dialog.getByRole('status').filter({ hasText: '1 traitée, 0 refusée' }).waitFor();
      await dialog.getByRole('table', { name: 'Résultat par ligne' }).getByText('Annulé').waitFor();
      await page.screenshot({ path: screenshotPath('followup-report-fr') });
      await dialog.getByRole('button', { name: 'Fermer' }).last().click();
      await dialog.waitFor({ state: 'detached' });
      await leaUpcoming.getByText('Annulé', { exact: true }).waitFor();

      // S7/F5: the history records the not-eligible action and the cancellation with its options.
      await leaUpcoming.getByRole('button', { name: /^Ouvrir le rendez-vous de Léa Bouchard/ }).click();
      const drawer = page.getByRole('dialog', { name: 'Vaccination antigrippale' });
      const history = drawer.getByRole('list', { name: 'Historique' });
      await history.getByText('Marqué non-admissible').waitFor();
      await history.getByText('Avec annulation du rendez-vous').waitFor();
      await history.getByText('Annulé', { exact: true }).waitFor();
      await history.getByText('Usager prévenu par courriel').waitFor();
      await history.getByText('Horaire libéré verrouillé').waitFor();
      await page.screenshot({ path: screenshotPath('followup-history-fr'), fullPage: true });
      await expectAccessible(page);

      // S5/S9: « Voir dans l’horaire » opens the same appointment in Camille Roy's week, beside the red lock.
      await drawer.getByRole('link', { name: 'Voir dans l’horaire' }).click();
      await page.getByRole('heading', { level: 1, name: 'Horaire' }).waitFor();
      expect(new URL(page.url()).searchParams.get('appointment')).toMatch(/^[0-9a-f-]{36}$/);
      const scheduleDrawer = page.getByRole('dialog', { name: 'Vaccination antigrippale' });
      await scheduleDrawer
        .getByRole('list', { name: 'Historique' })
        .getByText('Marqué non-admissible')
        .waitFor();
      await scheduleDrawer.getByRole('button', { name: 'Fermer' }).click();
      await scheduleDrawer.waitFor({ state: 'detached' });
      await page.locator(`.creneau-calendar [role="columnheader"][data-date="${upcomingDate}"]`).waitFor();
      await page
        .getByRole('button', { name: /Verrouillé/ })
        .first()
        .waitFor();
      await page.screenshot({ path: screenshotPath('followup-schedule-lock-fr'), fullPage: true });

      // N1: the cancellation email reaches the outbox (the worker delivers it), then shows in the tab.
      await expect
        .poll(
          async () =>
            (await outboxMessages(page)).some(
              (m) => m.kind === 'appointment_cancelled' && m.recipient === 'lea.bouchard@example.com',
            ),
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true);
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Boîte d’envoi' })
        .click();
      const outbox = page.getByRole('table', { name: 'Messages envoyés' });
      const cancellation = outbox
        .getByRole('row')
        .filter({ hasText: 'Annulation' })
        .filter({ hasText: 'lea.bouchard@example.com' });
      await cancellation.getByText('Courriel', { exact: true }).waitFor();
      await cancellation.getByText('Calendrier .ics (CANCEL)', { exact: false }).waitFor();
      await page.screenshot({ path: screenshotPath('outbox-fr'), fullPage: true });
      await expectAccessible(page);
      await cancellation.getByRole('button').click();
      const message = page.getByRole('dialog');
      await message.getByRole('heading', { name: 'Texte du courriel' }).waitFor();
      await message.getByText('a été annulé', { exact: false }).waitFor();
      await message
        .getByRole('row', { name: /Destinataire/ })
        .getByText('lea.bouchard@example.com')
        .waitFor();
      await page.screenshot({ path: screenshotPath('outbox-message-fr'), fullPage: true });
      await expectAccessible(page);
      await message.getByRole('button', { name: 'Fermer' }).click();

      // R1 in English: the report counts the cancellation at once.
      await page.getByRole('radiogroup', { name: 'Langue / Language' }).first().getByText('English').click();
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Reports' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      const byService = page.getByRole('table', { name: 'By service' });
      const flu = byService.getByRole('row', { name: /Flu shot/ });
      await flu.waitFor();
      const headers = await byService.getByRole('columnheader').allTextContents();
      const cells = await flu.locator('td').allTextContents();
      const count = (header: string) => cells[headers.indexOf(header) - 1];
      expect(count('Canceled')).toBe('1');
      expect(count('Scheduled')).toBe('2');
      expect(count('Total')).toBe('3');
      await page.getByRole('img', { name: 'Appointments by week and status' }).waitFor();
      const csvLink = page.getByRole('link', { name: 'Download CSV' });
      const csv = await (await page.request.get((await csvLink.getAttribute('href'))!)).text();
      expect(csv).toContain('Léa Bouchard');
      await page.screenshot({ path: screenshotPath('reports-en'), fullPage: true });
      await expectAccessible(page);

      // F1 in English: the column and the badge use the article's words.
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Follow-up' })
        .click();
      const englishTable = page.getByRole('table', { name: 'Appointment follow-up' });
      await englishTable.getByRole('columnheader', { name: 'User Status' }).waitFor();
      const englishRow = englishTable
        .getByRole('row')
        .filter({ hasText: 'Léa Bouchard' })
        .filter({ hasText: 'Upcoming' });
      await englishRow.getByText('Canceled', { exact: true }).waitFor();

      // N2: Noah's upcoming appointment gets its reminder now, and its history says so.
      await englishTable
        .getByRole('row')
        .filter({ hasText: 'Noah Gagné' })
        .getByRole('button', { name: /^Open the appointment of Noah Gagné/ })
        .click();
      const noahDrawer = page.getByRole('dialog', { name: 'Flu shot' });
      await noahDrawer.getByRole('button', { name: 'Send the reminder now' }).click();
      await noahDrawer.getByRole('list', { name: 'History' }).getByText('Reminder requested').waitFor();
      await noahDrawer.getByRole('button', { name: 'Close' }).click();
      await noahDrawer.waitFor({ state: 'detached' });
      await page.getByRole('combobox', { name: 'User Status' }).click();
      await page.getByRole('option', { name: 'Canceled' }).click();
      await page.getByRole('status').filter({ hasText: '1 appointment shown' }).waitFor();
      await page.keyboard.press('Escape');
      await page.screenshot({ path: screenshotPath('followup-filtered-en'), fullPage: true });
      await expectAccessible(page);

      // N3: Account › Notifications from the user menu; the admin may pick a provider, and saves their own.
      await page.getByRole('button', { name: /My account/ }).click();
      await page.getByRole('menuitem', { name: 'Notifications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByRole('combobox', { name: 'Provider' }).click();
      await page.getByRole('option', { name: 'Camille Roy' }).waitFor();
      await page.keyboard.press('Escape');
      const cancelledByEmail = page.getByRole('switch', { name: 'Email: When an appointment is cancelled' });
      // Keyboard: the switch's track covers its input for the mouse.
      await cancelledByEmail.focus();
      await page.keyboard.press('Space');
      expect(await cancelledByEmail.isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Notifications have been saved.').waitFor();
      await page.screenshot({ path: screenshotPath('account-notifications-en'), fullPage: true });
      await expectAccessible(page);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      expect(
        await page.getByRole('switch', { name: 'Email: When an appointment is cancelled' }).isChecked(),
      ).toBe(true);
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'F1/N1/R1: on a phone, Suivi, Rapports and the outbox are usable and accessible',
    async () => {
      const { context, page } = await newPage(harness, { viewport: { width: 390, height: 844 } });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await signInAtPlateau(page);
      await page.goto('/admin/follow-up');
      // On a phone the rows are cards: the status is there without scrolling sideways.
      const cards = page.getByRole('list', { name: 'Suivi des rendez-vous' });
      await cards.getByRole('listitem').filter({ hasText: 'Léa Bouchard' }).getByText('Annulé').waitFor();
      await page.getByRole('checkbox', { name: 'Sélectionner toutes les lignes affichées' }).check();
      await page.getByText('3 lignes sélectionnées').waitFor();
      await page.getByRole('button', { name: 'Actions en lot' }).click();
      const dialog = page.getByRole('dialog', { name: 'Actions en lot' });
      await dialog.getByRole('radio', { name: 'Annuler le rendez-vous' }).check();
      await dialog.getByRole('button', { name: 'Continuer' }).click();
      await dialog.getByRole('heading', { name: 'Paramètres d’annulation' }).waitFor();
      // Léa's upcoming appointment is already cancelled: Noah's is the only one left, with a mobile, no email.
      expect(await dialog.getByRole('radio', { name: 'Courriel' }).isDisabled()).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'SMS (texto)' }).isDisabled()).toBe(false);
      await page.screenshot({ path: screenshotPath('followup-batch-phone-fr') });
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Retour' }).click();
      await dialog.getByRole('button', { name: 'Fermer' }).last().click();
      await page.screenshot({ path: screenshotPath('followup-phone-fr'), fullPage: true });
      await expectAccessible(page);

      await page.goto('/admin/reports');
      await page.getByRole('table', { name: 'Par motif' }).waitFor();
      await page.screenshot({ path: screenshotPath('reports-phone-fr'), fullPage: true });
      await expectAccessible(page);

      await page.goto('/admin/outbox');
      await page.getByRole('table', { name: 'Messages envoyés' }).waitFor();
      await page.screenshot({ path: screenshotPath('outbox-phone-fr'), fullPage: true });
      await expectAccessible(page);
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
