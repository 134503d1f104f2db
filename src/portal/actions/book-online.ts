// SPEC P1/P2/P3/S10: the public books a held slot, as a guest or signed in. A guest is matched to an
// existing record of the organisation by email or mobile *and* last name (accent-insensitive), otherwise a
// new record is created in the organisation. Banned clients and service rules get the neutral refusal.
// One transaction: record, booking, history, confirmation, reminders, staff notice.
import { and, eq, or, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { hashToken } from '../../auth/sessions.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  appointments,
  type Language,
  type organisations,
  participants,
  userOrganisations,
  users,
} from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { liveUserIds, notifyStaff, notifyUsers, scheduleReminders } from '../../notifications/triggers.ts';
import { assertOneUpcomingPerUser, lockUsers } from '../../scheduling/actions/book-appointment.ts';
import { confirmHold, recordPortalBooking, releaseHold } from '../../scheduling/actions/hold-slot.ts';
import { loadService } from '../../scheduling/calendars.ts';
import { assertMayBookOnline, notAvailable } from '../../tags/queries.ts';
import { defaultCountryFor, normaliseEmail, normalisePhone } from '../../users/contact.ts';
import { createPortalRecord } from '../records.ts';

export type Guest = {
  firstName: string;
  lastName: string;
  email?: string | null;
  mobilePhone?: string | null;
  language: Language;
};
type Organisation = typeof organisations.$inferSelect;

/** Finds the organisation's record of a guest (same contact and last name) or creates one. */
async function findOrCreateGuest(tx: Tx, organisation: Organisation, guest: Guest) {
  const email = normaliseEmail(guest.email, 'email');
  const mobile = normalisePhone(guest.mobilePhone, defaultCountryFor(organisation), 'mobilePhone', 'mobile');
  if (!email && !mobile) throw new AppError('contact_required', [{ path: 'email', code: 'required' }]);
  const contact = or(
    email ? eq(users.email, email) : undefined,
    mobile ? eq(users.mobilePhone, mobile) : undefined,
  );
  const [match] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .where(
      and(
        eq(userOrganisations.organisationId, organisation.id),
        sql`${users.mergedIntoId} is null`,
        contact,
        sql`immutable_unaccent(lower(${users.lastName})) = immutable_unaccent(lower(${guest.lastName.trim()}))`,
      ),
    )
    .limit(1);
  if (match) return match.id;
  return createPortalRecord(
    tx,
    organisation,
    {
      firstName: guest.firstName.trim(),
      lastName: guest.lastName.trim(),
      email,
      mobilePhone: mobile,
      language: guest.language,
    },
    'portal',
  );
}

export async function bookOnline(
  db: Db,
  boss: PgBoss,
  input: {
    organisation: Organisation;
    holdToken: string;
    language: Language;
    guest?: Guest;
    portalUserId?: string;
  },
) {
  const tokenHash = hashToken(input.holdToken);
  // Which service the hold is for: an individual hold is the appointment row, a group place a participant
  // (two indexed lookups: an OR across a join would scan every appointment).
  const inOrganisation = eq(appointments.organisationId, input.organisation.id);
  const [individual] = await db
    .select({ serviceId: appointments.serviceId })
    .from(appointments)
    .where(and(eq(appointments.holdTokenHash, tokenHash), inOrganisation))
    .limit(1);
  const [held] = individual
    ? [individual]
    : await db
        .select({ serviceId: appointments.serviceId })
        .from(participants)
        .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
        .where(and(eq(participants.holdTokenHash, tokenHash), inOrganisation))
        .limit(1);
  if (!held) throw new AppError('hold_invalid');
  const service = await loadService(db, input.organisation.id, held.serviceId);
  if (!service.bookableOnline || service.archivedAt) throw notAvailable();
  try {
    return await db.transaction(async (tx) => {
      const userId = input.portalUserId ?? (await findOrCreateGuest(tx, input.organisation, input.guest!));
      await lockUsers(tx, [userId]);
      await assertMayBookOnline(tx, userId, service.id, input.language);
      await assertOneUpcomingPerUser(tx, service, [userId]);
      const { appointment, participant } = await confirmHold(tx, { token: input.holdToken, userId });
      await recordPortalBooking(tx, appointment.id, participant.id, userId);
      await notifyUsers(boss, tx, {
        kind: 'appointment_confirmation',
        appointment,
        userIds: [userId],
        key: `confirmation:${participant.id}`,
      });
      // Reminders belong to the appointment: scheduled once, by its first participant.
      if ((await liveUserIds(tx, appointment.id)).length === 1)
        await scheduleReminders(boss, tx, appointment);
      await notifyStaff(boss, tx, {
        event: 'appointment_created',
        organisationId: input.organisation.id,
        appointmentId: appointment.id,
        staffIds: [appointment.providerId],
        key: `created:${participant.id}`,
      });
      return { appointment, participant, userId };
    });
  } catch (error) {
    // A refused booking frees the held time at once rather than when the hold expires.
    if (error instanceof AppError && error.code === 'not_available') await releaseHold(db, input.holdToken);
    throw error;
  }
}
