// Portal journeys on a phone (390×844), seeds 002 and 004 (P1–P5, S10, U5, U9): a guest books in French and
// gets the confirmation with the clinic's phone and the calendar file; a banned client sees only the tag's
// message, then the default English one; a portal user signs in, cancels an appointment more than 4 hours
// ahead and is told to call for one less than 4 hours ahead; an invitation is accepted. axe finds nothing on
// the landing, booking, confirmation, user-space and invitation pages.
import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.ts';
import { hashToken } from '../src/auth/sessions.ts';
import {
  appointments,
  availabilityRules,
  locations,
  organisations,
  participants,
  portalAccounts,
  type services,
  serviceTagRules,
  staff,
  tags,
  userInvitations,
  users,
  userTags,
} from '../src/db/schema.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../src/seed/demo.ts';
import { localInstant, makeAppointment, makeService, makeUser } from '../test/scheduling-factories.ts';
import { expectAccessible, type Harness, newPage, screenshotPath, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const SLUG = 'clinique-plateau';
const BANNED_MESSAGE_FR = 'Veuillez communiquer avec la clinique.';
const PORTAL_PASSWORD = 'mot-de-passe-du-portail';
const INVITATION_TOKEN = 'invitation-token-for-the-portal-journey-0001';

let harness: Harness;
let service: typeof services.$inferSelect;
let marie: typeof users.$inferSelect;
let laterParticipantId: string;
let bannedUserId: string;

beforeAll(async () => {
  harness = await startHarness();
  const db = harness.services.db;
  const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, SLUG));
  const [camille] = await db.select().from(staff).where(eq(staff.email, DEMO_STAFF.provider));
  const [location] = await db
    .select()
    .from(locations)
    .where(eq(locations.organisationId, organisation!.id))
    .orderBy(locations.name);
  const timeZone = organisation!.timeZone;
  service = await makeService(db, organisation!.id, location!.id, {
    nameFr: 'Vaccination',
    nameEn: 'Vaccination',
    durationMinutes: 30,
  });
  // Camille Roy works every day, all day: whatever the hour the suite runs, free slots lie ahead.
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      organisationId: organisation!.id,
      providerId: camille!.id,
      locationId: location!.id,
      weekday,
      startTime: '00:00',
      endTime: '23:59',
    })),
  );

  // P2: a client banned by a tag whose only message is in French.
  const banned = await makeUser(db, organisation!.accountId, organisation!.id, {
    firstName: 'Bruno',
    lastName: 'Bélanger',
    email: 'bruno.belanger@example.com',
  });
  const [tag] = await db
    .insert(tags)
    .values({
      accountId: organisation!.accountId,
      label: 'Client banni',
      type: 'banned',
      icon: 'ban',
      color: '#c92a2a',
      bannedMessageFr: BANNED_MESSAGE_FR,
    })
    .returning();
  await db.insert(userTags).values({ userId: banned.id, tagId: tag!.id });
  bannedUserId = banned.id;

  // P4: a portal user with one appointment in two days, one in two hours and one last week.
  marie = await makeUser(db, organisation!.accountId, organisation!.id, {
    firstName: 'Marie',
    lastName: 'Lavoie',
    email: 'marie.lavoie@example.com',
    mobilePhone: '+15145550177',
  });
  await db.insert(portalAccounts).values({
    userId: marie.id,
    email: marie.email!,
    passwordHash: await hashPassword(PORTAL_PASSWORD),
  });
  const base = { organisationId: organisation!.id, serviceId: service.id, providerId: camille!.id };
  const later = await makeAppointment(db, {
    ...base,
    locationId: location!.id,
    startsAt: localInstant(timeZone, 2, '10:00'),
    userIds: [marie.id],
  });
  laterParticipantId = later.participants[0]!.id;
  const soon = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 900_000) * 900_000).toISOString();
  await makeAppointment(db, { ...base, locationId: location!.id, startsAt: soon, userIds: [marie.id] });
  await makeAppointment(db, {
    ...base,
    locationId: location!.id,
    startsAt: localInstant(timeZone, -7, '10:00'),
    userIds: [marie.id],
  });

  // U5: an invitation for a record without an email.
  const invited = await makeUser(db, organisation!.accountId, organisation!.id, {
    firstName: 'Noémie',
    lastName: 'Gauthier',
    mobilePhone: '+15145550188',
    language: 'en',
  });
  await db.insert(userInvitations).values({
    userId: invited.id,
    organisationId: organisation!.id,
    tokenHash: hashToken(INVITATION_TOKEN),
    channel: 'sms',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
});
afterAll(() => harness?.close());

async function heldCount() {
  const rows = await harness.services.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.serviceId, service.id), eq(appointments.state, 'held')));
  return rows.length;
}

/** From the booking page: the service, then the first free time of the selected day. */
async function pickFirstSlot(page: Page, times: RegExp) {
  await page.getByRole('region', { name: times }).getByRole('button').first().click();
}

async function fillGuest(
  page: Page,
  labels: { first: string; last: string; email: string },
  guest: { first: string; last: string; email: string },
) {
  await page.getByRole('textbox', { name: labels.first, exact: true }).fill(guest.first);
  await page.getByRole('textbox', { name: labels.last, exact: true }).fill(guest.last);
  await page.getByRole('textbox', { name: labels.email, exact: true }).fill(guest.email);
}

describe('portal journeys (phone)', () => {
  it('P1/S10: a guest books in French, going back releases the hold, and the confirmation offers the phone and the calendar file', async () => {
    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'fr-CA' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`/p/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: 'Clinique du Plateau' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Prendre rendez-vous' }).click();

    await page.getByRole('heading', { level: 2, name: 'Choisissez le motif du rendez-vous' }).waitFor();
    await page.getByRole('button', { name: /Vaccination\s*30 minutes/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Choisissez une heure' }).waitFor();
    // Keyboard and screen-reader users land on the new step, not on the vanished button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Choisissez une heure');
    await page
      .getByText('Heures affichées à l’heure de la clinique : heure de l’Est (America/Toronto).')
      .waitFor();
    await page.getByRole('button', { name: 'Semaine suivante' }).waitFor();
    await page.screenshot({ path: screenshotPath('portal-slots-fr'), fullPage: true });
    await expectAccessible(page);

    // S10: a picked time is held; "change time" releases it at once.
    await pickFirstSlot(page, /^Heures libres le/);
    await page.getByRole('heading', { level: 2, name: 'Vos coordonnées' }).waitFor();
    await page
      .getByRole('note')
      .filter({ hasText: /Cette heure vous est réservée encore \d+ minutes?\./ })
      .waitFor();
    // The countdown is announced politely (a status), not every second.
    await page
      .getByRole('status')
      .filter({ hasText: /Cette heure vous est réservée encore/ })
      .waitFor();
    expect(await heldCount()).toBe(1);
    await page.getByRole('button', { name: 'Changer d’heure' }).click();
    await page.getByRole('heading', { level: 2, name: 'Choisissez une heure' }).waitFor();
    await expect.poll(heldCount).toBe(0);

    await pickFirstSlot(page, /^Heures libres le/);
    await page.getByRole('heading', { level: 2, name: 'Vos coordonnées' }).waitFor();
    // Signing in from here: a forgotten password opens in a new tab, so the held time is not left behind.
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    const forgot = page.getByRole('link', { name: /^Mot de passe oublié \? \(nouvel onglet/ });
    expect(await forgot.getAttribute('target')).toBe('_blank');
    await page.getByRole('button', { name: 'Réserver sans compte' }).click();
    // Neither an email nor a mobile: the form says what is missing before asking the server.
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Léa');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Tremblay');
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.getByText('Indiquez un courriel ou un numéro de cellulaire.').waitFor();
    await page.getByRole('textbox', { name: 'Courriel' }).fill('lea.tremblay@example.com');
    await page.screenshot({ path: screenshotPath('portal-details-fr'), fullPage: true });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();

    await page.getByRole('heading', { level: 1, name: 'Votre rendez-vous est confirmé' }).waitFor();
    await page.getByText('Vaccination — Clinique du Plateau').waitFor();
    const phone = page.getByRole('link', { name: 'Appeler au (514) 555-0100' });
    expect(await phone.getAttribute('href')).toBe('tel:+15145550100');
    await page.getByText('4500 avenue du Parc, Montréal QC H2V 4E5').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ajouter à mon calendrier' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rendez-vous.ics');
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    await page.screenshot({ path: screenshotPath('portal-confirmation-fr'), fullPage: true });
    await expectAccessible(page);

    const [booked] = await harness.services.db
      .select({ status: participants.status })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(eq(users.email, 'lea.tremblay@example.com'));
    expect(booked?.status).toBe('scheduled');
    expect(await heldCount()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('P2/P5: a banned client booking as a guest sees only the tag’s message, then the default English one', async () => {
    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'fr-CA' });
    await page.goto(`/p/${SLUG}/book`);
    await page.getByRole('button', { name: /Vaccination/ }).click();
    await pickFirstSlot(page, /^Heures libres le/);
    await fillGuest(
      page,
      { first: 'Prénom', last: 'Nom', email: 'Courriel' },
      { first: 'Bruno', last: 'Belanger', email: 'Bruno.Belanger@example.com' },
    );
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    const refusal = page.getByRole('alert');
    await refusal.filter({ hasText: BANNED_MESSAGE_FR }).waitFor();
    // Only the message: no form, no slots, no other wording.
    const main = page.getByRole('main');
    // textContent: hidden text (a live region, a visually hidden hint) would count too.
    expect(await main.textContent()).toBe(`Prendre rendez-vous${BANNED_MESSAGE_FR}`);
    await page.screenshot({ path: screenshotPath('portal-refused-fr'), fullPage: true });
    await expectAccessible(page);
    await expect.poll(heldCount).toBe(0);

    // In English the tag has no message of its own: the default English text.
    await page.getByRole('radiogroup', { name: 'Langue / Language' }).getByText('English').click();
    await page.getByRole('heading', { level: 2, name: 'Choose a time' }).waitFor();
    await pickFirstSlot(page, /^Free times on/);
    await fillGuest(
      page,
      { first: 'First name', last: 'Last name', email: 'Email' },
      { first: 'Bruno', last: 'Bélanger', email: 'bruno.belanger@example.com' },
    );
    await page.getByRole('button', { name: 'Confirm the appointment' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sorry, this is not available at the moment' }).waitFor();
    expect(await main.textContent()).toBe('Book an appointmentSorry, this is not available at the moment');
    await page.screenshot({ path: screenshotPath('portal-refused-en'), fullPage: true });

    // Nothing leaked: no appointment for the banned record, no hold left behind.
    const rows = await harness.services.db
      .select({ id: participants.id })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(eq(users.email, 'bruno.belanger@example.com'));
    expect(rows).toEqual([]);
    await expect.poll(heldCount).toBe(0);
    await context.close();
  });

  it('P4/U4: a portal user signs in, cancels an appointment 2 days ahead, is told to call for one 2 hours ahead, and sets a preference', async () => {
    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'fr-CA' });
    await page.goto('/portal');
    await page.getByRole('heading', { level: 1, name: 'Mon espace' }).waitFor();
    await page.getByRole('textbox', { name: 'Courriel' }).fill('marie.lavoie@example.com');
    await page.getByLabel('Mot de passe', { exact: true }).fill(PORTAL_PASSWORD);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bonjour Marie' }).waitFor();

    const upcoming = page.getByRole('region', { name: 'Mes prochains rendez-vous' });
    await upcoming.getByRole('listitem').nth(1).waitFor();
    expect(await upcoming.getByRole('listitem').count()).toBe(2);
    const soonCard = upcoming.getByRole('listitem').first();
    await soonCard.getByText('Pour annuler, communiquez avec Clinique du Plateau au').waitFor();
    expect(await soonCard.getByRole('link', { name: '(514) 555-0100' }).getAttribute('href')).toBe(
      'tel:+15145550100',
    );
    expect(await soonCard.getByRole('button').count()).toBe(0);
    const laterCard = upcoming.getByRole('listitem').nth(1);
    await laterCard.getByText('Prévu').waitFor();
    await page
      .getByRole('region', { name: 'Mes rendez-vous passés' })
      .getByText('Avec Camille Roy · Clinique du Plateau')
      .waitFor();
    await page.screenshot({ path: screenshotPath('portal-space-fr'), fullPage: true });
    await expectAccessible(page);

    await laterCard.getByRole('button', { name: /^Annuler le rendez-vous du/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler ce rendez-vous ?' });
    await dialog.getByRole('button', { name: 'Oui, annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    await laterCard.getByText('Annulé').waitFor();
    expect(await laterCard.getByRole('button').count()).toBe(0);
    await expect
      .poll(async () => {
        const [row] = await harness.services.db
          .select({ status: participants.status })
          .from(participants)
          .where(eq(participants.id, laterParticipantId));
        return row?.status;
      })
      .toBe('cancelled');

    // U4: the user's own choice; from now on staff see it read-only.
    await page.getByRole('switch', { name: 'Recevoir les avis par texto' }).click();
    await page.getByText('Vos préférences sont enregistrées.').waitFor();
    const [prefs] = await harness.services.db.select().from(users).where(eq(users.id, marie.id));
    expect(prefs?.notifyBySms).toBe(!marie.notifyBySms);
    expect(prefs?.preferencesSetByUserAt).not.toBeNull();
    await page.screenshot({ path: screenshotPath('portal-space-cancelled-fr'), fullPage: true });

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon espace' }).waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await context.close();
  });

  it('U5: an invitation link asks for an email and a password, then leads to sign in; a used link shows the server’s message', async () => {
    const { context, page } = await newPage(harness, { viewport: PHONE, locale: 'en-CA' });
    await page.goto(`/portal/invitation/${INVITATION_TOKEN}`);
    await page.getByText('Hello Noémie, Clinique du Plateau invites you').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill('noemie.gauthier@example.com');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('The password must have at least 10 characters.').waitFor();
    await page.getByLabel(/^Password/).fill('un-mot-de-passe-solide');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByText('Your account is created').waitFor();
    await page.screenshot({ path: screenshotPath('portal-invitation-en'), fullPage: true });
    await page.getByRole('link', { name: 'Sign in to my space' }).click();
    await page.getByRole('heading', { level: 1, name: 'My space' }).waitFor();

    await page.goto(`/portal/invitation/${INVITATION_TOKEN}`);
    await page
      .getByRole('alert')
      .filter({ hasText: 'This invitation link has already been used.' })
      .waitFor();
    await context.close();
  });

  it('U9/U10: an admin creates a tag in Settings › Tags, makes a service unavailable for it and puts it on a record', async () => {
    const { context, page } = await newPage(harness, { locale: 'fr-CA' });
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Courriel' }).fill(DEMO_STAFF.admin);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Organisation' }).locator('visible=true');
    if ((await picker.count()) && (await picker.inputValue()) !== 'Clinique du Plateau') {
      await picker.click();
      await page.getByRole('option', { name: 'Clinique du Plateau' }).click();
      await expect.poll(() => picker.inputValue()).toBe('Clinique du Plateau');
    }
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Paramètres' })
      .click();
    const section = page.getByRole('region', { name: 'Étiquettes' });
    await section.getByRole('table', { name: 'Étiquettes du compte' }).waitFor();
    await section.getByRole('button', { name: 'Ajouter une étiquette' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle étiquette' });
    await dialog.getByRole('textbox', { name: 'Libellé' }).fill('Retards répétés');
    await dialog.getByRole('radio', { name: 'Client banni' }).check();
    await dialog.getByPlaceholder('Sorry, this is not available at the moment').waitFor();
    await dialog.getByRole('textbox', { name: 'Message en anglais' }).fill('Please call the clinic.');
    await expectAccessible(page, '[role="dialog"]');
    await page.screenshot({ path: screenshotPath('tags-modal-fr') });
    await dialog.getByRole('button', { name: 'Créer l’étiquette' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = section.getByRole('row').filter({ hasText: 'Retards répétés' });
    await row.getByText('Client banni').waitFor();

    // U10: the tag makes "Vaccination" unavailable online in this organisation.
    await row.getByLabel('Motifs rendus indisponibles pour l’étiquette Retards répétés').click();
    await page.getByRole('option', { name: 'Vaccination' }).click();
    await page.getByText('Les motifs indisponibles pour « Retards répétés » sont enregistrés.').waitFor();
    const rules = await harness.services.db
      .select()
      .from(serviceTagRules)
      .where(eq(serviceTagRules.serviceId, service.id));
    expect(rules).toHaveLength(1);
    await page.keyboard.press('Escape');
    await section.screenshot({ path: screenshotPath('tags-settings-fr') });
    await expectAccessible(page, '#tags');

    // U9 on the record: the badges, then the editor.
    await page.goto(`/admin/users/${bannedUserId}`);
    await page.getByRole('heading', { level: 1, name: 'Bruno Bélanger' }).waitFor();
    const tagsRegion = page.getByRole('region', { name: 'Étiquettes :' });
    await tagsRegion.getByText('Client banni').waitFor();
    await tagsRegion.getByRole('button', { name: 'Modifier les étiquettes' }).click();
    await tagsRegion.getByLabel('Étiquettes', { exact: true }).click();
    await page.getByRole('option', { name: 'Retards répétés' }).click();
    await page.keyboard.press('Escape');
    await tagsRegion.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Les étiquettes sont enregistrées.').waitFor();
    await tagsRegion.getByRole('listitem').filter({ hasText: 'Retards répétés' }).waitFor();
    expect(await tagsRegion.getByRole('listitem').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('tags-record-fr') });
    await expectAccessible(page);
    await context.close();
  });
});
