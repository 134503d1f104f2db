// Issue 5 journey (S1, S2, S4, S5, S7, S9): the demo admin creates a service in Settings › Services and
// weekly hours for Camille Roy in the availability editor, then in the Schedule tab books a free slot of
// next week for a user created inline, opens the appointment and sees its history, opens it again from its
// address (?appointment=<id>: the drawer opens and the calendar goes to its provider and week), locks a range
// and sees the red lock, unlocks it in English; axe finds no violation; a phone gets the Day view.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function signInAtPlateau(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Courriel' }).fill(DEMO_STAFF.admin);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  // The admin belongs to two organisations: work in Montréal's (the header's picker; a phone's is in the menu).
  if (page.viewportSize()!.width < 768)
    await page.getByRole('button', { name: 'Afficher ou masquer la navigation' }).click();
  const picker = page.getByRole('combobox', { name: 'Organisation' }).locator('visible=true');
  if ((await picker.count()) && (await picker.inputValue()) !== 'Clinique du Plateau') {
    await picker.click();
    await page.getByRole('option', { name: 'Clinique du Plateau' }).click();
    await expect.poll(() => picker.inputValue()).toBe('Clinique du Plateau');
  }
}

async function chooseOption(page: Page, combobox: Locator, option: string) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

/** The centre of a time slot of the week grid (scrolled into view): the day's column and the time's row. */
async function slotPoint(page: Page, date: string, time: string) {
  await page.locator(`.creneau-calendar [data-time="${time}"]`).last().scrollIntoViewIfNeeded();
  const column = await page.locator(`.creneau-calendar [role="cell"][data-date="${date}"]`).boundingBox();
  const row = await page.locator(`.creneau-calendar [data-time="${time}"]`).last().boundingBox();
  if (!column || !row) throw new Error(`no slot for ${date} ${time}`);
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
}

describe('schedule journey', () => {
  it('S1/S2/S4/S5/S7/S9: set up a service and hours, book for a new user, see history, lock and unlock', async () => {
    const { context, page } = await newPage(harness);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => {
      // FullCalendar 7.1.4 calls scrollTo on a scroller it already unmounted when the calendar is rebuilt;
      // harmless to the page (nothing is lost), tracked as a known upstream defect in the README.
      if (error.message !== "Cannot read properties of null (reading 'scrollTo')")
        pageErrors.push(error.message);
    });
    await signInAtPlateau(page);

    // S1: a service, created in Settings › Services.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Paramètres' })
      .click();
    const services = page.getByRole('region', { name: 'Motifs de rendez-vous' });
    await services.getByRole('button', { name: 'Nouveau motif' }).click();
    const serviceDialog = page.getByRole('dialog', { name: 'Nouveau motif' });
    await serviceDialog.getByLabel('Nom en français').fill('Consultation de suivi');
    await serviceDialog.getByLabel('Nom en anglais').fill('Follow-up visit');
    await serviceDialog.getByLabel('Durée (minutes)').fill('30');
    await serviceDialog.getByRole('button', { name: 'Créer le motif' }).click();
    await serviceDialog.waitFor({ state: 'detached' });
    await services.getByRole('cell', { name: 'Consultation de suivi', exact: true }).waitFor();

    // S2: weekly hours for Camille Roy, 09:00–12:00 every day, saved in one go.
    const availability = page.getByRole('region', { name: 'Disponibilités' });
    await chooseOption(page, availability.getByRole('combobox', { name: 'Professionnel' }), 'Camille Roy');
    for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']) {
      await availability.getByRole('button', { name: `Ajouter une plage le ${day}` }).click();
    }
    await expect(
      availability.getByRole('group', { name: 'Mercredi, plage 1' }).getByLabel('Début').inputValue(),
    ).resolves.toBe('09:00');
    await availability.getByRole('button', { name: 'Enregistrer les heures hebdomadaires' }).click();
    await page.getByText('Les heures d’ouverture hebdomadaires ont été enregistrées.').waitFor();
    await page.screenshot({ path: screenshotPath('schedule-settings-fr'), fullPage: true });

    // S9: the schedule of Camille Roy, next week.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Horaire' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Horaire' }).waitFor();
    await chooseOption(page, page.getByRole('combobox', { name: 'Professionnel' }), 'Camille Roy');
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    const wednesday = await page
      .locator('.creneau-calendar [role="columnheader"][data-date]')
      .nth(2)
      .getAttribute('data-date');
    if (!wednesday) throw new Error('no Wednesday column');
    await page
      .locator(`.creneau-calendar [role="cell"][data-date="${wednesday}"] .creneau-opening`)
      .first()
      .waitFor();

    // S4: a click on free time opens the booking form; the user is created inline.
    const free = await slotPoint(page, wednesday, '10:00:00');
    await page.mouse.click(free.x, free.y);
    const booking = page.getByRole('dialog', { name: 'Nouveau rendez-vous avec Camille Roy' });
    await expect(booking.getByLabel(/^Heure/).inputValue()).resolves.toBe('10:00');
    await chooseOption(
      page,
      booking.getByRole('combobox', { name: 'Motif' }),
      'Consultation de suivi (30 minutes)',
    );
    await booking.getByRole('button', { name: 'Créer un usager' }).click();
    const newUser = booking.getByRole('group', { name: 'Nouvelle fiche d’usager' });
    await newUser.getByLabel('Prénom').fill('Éloïse');
    await newUser.getByLabel(/^Nom/).fill('Tremblay');
    await newUser.getByRole('button', { name: 'Créer et choisir' }).click();
    await booking.getByText('Réservé pour 1 personne :').waitFor();
    await booking.getByRole('button', { name: 'Réserver' }).click();
    await booking.waitFor({ state: 'detached' });
    const appointment = page
      .getByRole('button', { name: /Consultation de suivi/ })
      .filter({ hasText: 'Éloïse Tremblay' });
    await appointment.waitFor();
    await page.screenshot({ path: screenshotPath('schedule-week-booked-fr'), fullPage: true });

    // S7: the appointment's drawer shows its history.
    await appointment.click();
    const drawer = page.getByRole('dialog', { name: 'Consultation de suivi' });
    await drawer.getByText('Historique').waitFor();
    await drawer.getByText('Créé', { exact: true }).waitFor();
    await drawer.getByText('Éloïse Tremblay').first().waitFor();
    await page.screenshot({ path: screenshotPath('schedule-appointment-fr'), fullPage: true });
    // The opened appointment is in the address, and leaves it when the drawer closes.
    const appointmentId = new URL(page.url()).searchParams.get('appointment');
    expect(appointmentId).toMatch(/^[0-9a-f-]{36}$/);
    await drawer.getByRole('button', { name: 'Fermer' }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('appointment')).toBe(false);

    // S7/S9: /admin/schedule?appointment=<id> alone (this week, default provider) opens the drawer and
    // brings the appointment's provider and week into view.
    await page.goto(`/admin/schedule?appointment=${appointmentId}`);
    const linkedDrawer = page.getByRole('dialog', { name: 'Consultation de suivi' });
    await linkedDrawer.getByText('Créé', { exact: true }).waitFor();
    await linkedDrawer.getByText('Éloïse Tremblay').first().waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Professionnel' }).inputValue())
      .toBe('Camille Roy');
    await page.locator(`.creneau-calendar [role="columnheader"][data-date="${wednesday}"]`).waitFor();
    // S6/S7 from the appointment's own page: the same batch window as the Follow-up tab, over its
    // participants (upcoming, so Non-admissible asks whether to keep or cancel the appointment).
    await linkedDrawer.getByRole('button', { name: 'Statut des participants…' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Actions en lot' });
    await statusDialog.getByRole('radio', { name: 'Non-admissible' }).check();
    await statusDialog.getByRole('button', { name: 'Continuer' }).click();
    await statusDialog.getByRole('radio', { name: 'Non-admissible', exact: true }).check();
    await statusDialog.getByRole('button', { name: 'Appliquer' }).click();
    await statusDialog.getByRole('status').filter({ hasText: '1 traitée, 0 refusée' }).waitFor();
    await statusDialog.getByRole('button', { name: 'Fermer' }).last().click();
    await statusDialog.waitFor({ state: 'detached' });
    await linkedDrawer.getByRole('list', { name: 'Historique' }).getByText('Marqué non-admissible').waitFor();
    await linkedDrawer.getByRole('button', { name: 'Fermer' }).click();
    await linkedDrawer.waitFor({ state: 'detached' });
    await appointment.waitFor();

    // S5: dragging over a range offers to lock it; the red lock appears.
    const lockStart = await slotPoint(page, wednesday, '14:00:00');
    const lockEnd = await slotPoint(page, wednesday, '14:45:00');
    await page.mouse.move(lockStart.x, lockStart.y);
    await page.mouse.down();
    await page.mouse.move(lockEnd.x, lockEnd.y, { steps: 8 });
    await page.mouse.up();
    const lockDialog = page.getByRole('dialog', { name: 'Verrouiller une plage de Camille Roy' });
    await expect(lockDialog.getByLabel('De').inputValue()).resolves.toBe('14:00');
    await expect(lockDialog.getByLabel('À').inputValue()).resolves.toBe('15:00');
    await lockDialog.getByLabel('Motif du verrou').fill('Réunion d’équipe');
    await lockDialog.getByRole('button', { name: 'Verrouiller cette plage' }).click();
    await lockDialog.waitFor({ state: 'detached' });
    const lock = page.locator('.creneau-lock').filter({ hasText: 'Verrouillé' });
    await lock.waitFor();
    await lock.getByText('Réunion d’équipe').waitFor();

    await expectNoAxeViolations(page);
    await page.screenshot({ path: screenshotPath('schedule-week-fr'), fullPage: true });

    // In English: the calendar speaks English and the lock can be unlocked.
    await page.getByRole('radiogroup', { name: 'Langue / Language' }).first().getByText('English').click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    await page.getByRole('tab', { name: 'Week view' }).waitFor();
    const englishLock = page.getByRole('button', { name: /Locked/ });
    await englishLock.click();
    const lockDetails = page.getByRole('dialog', { name: 'Locked time' });
    await lockDetails.getByText('Reason: Réunion d’équipe').waitFor();
    await lockDetails.getByRole('button', { name: 'Unlock' }).click();
    await lockDetails.waitFor({ state: 'detached' });
    await englishLock.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Follow-up visit/ }).click();
    const englishDrawer = page.getByRole('dialog', { name: 'Follow-up visit' });
    await englishDrawer.getByText('Created', { exact: true }).waitFor();
    await englishDrawer.getByRole('button', { name: 'Move' }).waitFor();
    await englishDrawer.getByRole('button', { name: 'Cancel appointment' }).waitFor();
    await englishDrawer.getByRole('button', { name: 'Participants’ status…' }).waitFor();
    await page.screenshot({ path: screenshotPath('schedule-appointment-en'), fullPage: true });
    await expectNoAxeViolations(page);
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
    await context.close();
  });

  it('S9: on a phone the schedule opens in the Day view, accessibly', async () => {
    const { context, page } = await newPage(harness, { viewport: { width: 390, height: 844 } });
    await signInAtPlateau(page);
    await page.goto('/admin/schedule');
    await page.getByRole('heading', { level: 1, name: 'Horaire' }).waitFor();
    await page.getByRole('tab', { name: 'Vue Jour', selected: true }).waitFor();
    await expect(page.locator('.creneau-calendar [role="columnheader"][data-date]').count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('schedule-day-phone'), fullPage: true });
    await expectNoAxeViolations(page);
    await context.close();
  });
});
