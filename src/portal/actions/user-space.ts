// SPEC P4 (seed 002): the user space — sign in, my appointments, cancel up to the organisation's cut-off
// (4 hours by default; later: contact the organisation), notification preferences (setting them locks
// them for staff, U4), profile and language.
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { getDecoyHash, verifyPassword } from '../../auth/password.ts';
import type { Db } from '../../db/client.ts';
import {
  appointments,
  type Language,
  organisations,
  participants,
  portalAccounts,
  portalEmailVerifications,
  services,
  staff,
  userHistory,
  users,
} from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { notifyUsers } from '../../notifications/triggers.ts';
import { cancelParticipants } from '../../scheduling/actions/cancel-appointment.ts';
import { createPortalSession } from '../sessions.ts';

export async function portalSignIn(db: Db, input: { email: string; password: string }, days: number) {
  const email = input.email.trim().toLowerCase();
  const [account] = await db
    .select()
    .from(portalAccounts)
    .where(eq(sql`lower(${portalAccounts.email})`, email));
  const isValid = await verifyPassword(account?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!account || !isValid) throw new AppError('invalid_credentials');
  // P4: a self sign-up signs in once its address is proven; only the right password learns this.
  if (account.source === 'sign_up' && !account.emailVerifiedAt) throw new AppError('email_not_verified');
  return createPortalSession(db, account.id, days);
}

export async function myAppointments(db: Db, userId: string) {
  const rows = await db
    .select({
      participantId: participants.id,
      status: participants.status,
      appointmentId: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      serviceFr: services.nameFr,
      serviceEn: services.nameEn,
      providerFirst: staff.firstName,
      providerLast: staff.lastName,
      organisation: organisations,
    })
    .from(participants)
    .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.providerId))
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .where(and(eq(participants.userId, userId), ne(participants.status, 'held')))
    .orderBy(desc(appointments.startsAt))
    .limit(200);
  const now = Date.now();
  return rows.map((row) => ({
    participantId: row.participantId,
    appointmentId: row.appointmentId,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    serviceName: { fr: row.serviceFr, en: row.serviceEn },
    providerName: `${row.providerFirst} ${row.providerLast}`,
    organisation: {
      name: row.organisation.name,
      phone: row.organisation.phone,
      address: row.organisation.address,
      timeZone: row.organisation.timeZone,
    },
    isUpcoming: row.startsAt.getTime() > now,
    canCancel:
      row.status === 'scheduled' &&
      row.startsAt.getTime() - now >= row.organisation.cancellationCutoffMinutes * 60_000,
  }));
}

export async function cancelMyAppointment(db: Db, boss: PgBoss, userId: string, participantId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ participant: participants, appointment: appointments, organisation: organisations })
      .from(participants)
      .innerJoin(appointments, eq(appointments.id, participants.appointmentId))
      .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
      .where(and(eq(participants.id, participantId), eq(participants.userId, userId)));
    if (row?.participant.status !== 'scheduled') throw new AppError('not_found');
    const minutesLeft = (row.appointment.startsAt.getTime() - Date.now()) / 60_000;
    if (minutesLeft < row.organisation.cancellationCutoffMinutes) {
      throw new AppError(
        'cancellation_too_late',
        [],
        { phone: row.organisation.phone ?? '' },
        { phone: row.organisation.phone },
      );
    }
    await cancelParticipants(boss, tx, {
      organisationId: row.organisation.id,
      appointmentId: row.appointment.id,
      participantIds: [participantId],
      staffId: null,
      actorIsUser: true,
      lockSlot: false,
      notify: 'preferences',
    });
    // The user gets the cancellation (with the CANCEL .ics) on the channels they allow.
    await notifyUsers(boss, tx, {
      kind: 'appointment_cancelled',
      appointment: row.appointment,
      userIds: [userId],
      key: `cancel:${participantId}`,
    });
  });
}

export async function getProfile(db: Db, userId: string, portalAccountId?: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  // A new address waiting for its link to be followed (P4 email change).
  const [pending] = portalAccountId
    ? await db
        .select({ email: portalEmailVerifications.email })
        .from(portalEmailVerifications)
        .where(
          and(
            eq(portalEmailVerifications.portalAccountId, portalAccountId),
            eq(portalEmailVerifications.purpose, 'email_change'),
            isNull(portalEmailVerifications.usedAt),
            gt(portalEmailVerifications.expiresAt, new Date()),
          ),
        )
        .orderBy(desc(portalEmailVerifications.createdAt))
        .limit(1)
    : [];
  return {
    pendingEmail: pending?.email ?? null,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    mobilePhone: user.mobilePhone,
    language: user.language,
    notifyByEmail: user.notifyByEmail,
    notifyBySms: user.notifyBySms,
  };
}

/** U4: the user's own preferences; from now on staff see them read-only. */
export async function setMyPreferences(
  db: Db,
  { userId, portalAccountId }: { userId: string; portalAccountId: string },
  input: { notifyByEmail?: boolean; notifyBySms?: boolean; language?: Language },
) {
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    const changes = (['notifyByEmail', 'notifyBySms', 'language'] as const)
      .filter((field) => input[field] !== undefined && input[field] !== user![field])
      .map((field) => ({ field, from: user![field], to: input[field] }));
    const touchesPreferences = input.notifyByEmail !== undefined || input.notifyBySms !== undefined;
    await tx
      .update(users)
      .set({
        ...input,
        ...(touchesPreferences ? { preferencesSetByUserAt: new Date() } : {}),
        version: user!.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx
      .insert(userHistory)
      .values({ userId, action: 'preferences_changed', actorIsUser: true, changes });
  });
  return getProfile(db, userId, portalAccountId);
}
