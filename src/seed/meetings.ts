// The demo's video meetings (V1–V6), part of its activity: a video service at the Montréal clinic, a second
// provider there (Sophie Lambert), and a weekly team meeting hosted by Camille Roy at 17:30 — after the
// clinic's hours, so it collides with no booking — to which Sophie is invited and has not answered yet.
// Written in one transaction as createMeeting writes it; the no-overlap constraint checks it.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/client.ts';
import {
  appointmentHistory,
  appointments,
  meetingInvitations,
  meetingSeries,
  meetings,
  organisations,
  services,
  staff,
  staffMemberships,
} from '../db/schema.ts';
import { toInstant } from '../scheduling/slots.ts';

export const DEMO_SECOND_PROVIDER = 'dr.lambert@demo.creneau.test';
const WEEKS = 4;
const MINUTES = 45;

export async function seedDemoMeetings(
  db: Db,
  options: { password: string; videoUrlTemplate: string; now?: Date },
  progress: (step: string) => void,
) {
  progress('video meetings');
  await db.transaction(async (tx) => {
    const [montreal] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'clinique-plateau'));
    const [roy] = await tx.select().from(staff).where(eq(staff.email, 'dr.roy@demo.creneau.test'));
    const [already] = await tx.select().from(staff).where(eq(staff.email, DEMO_SECOND_PROVIDER));
    if (!montreal || !roy || already) return;
    const [video] = await tx
      .insert(services)
      .values({
        organisationId: montreal.id,
        nameFr: 'Téléconsultation',
        nameEn: 'Video consultation',
        durationMinutes: 30,
        isVideo: true,
        bookableOnline: false,
        color: '#7048e8',
      })
      .returning();
    const [lambert] = await tx
      .insert(staff)
      .values({
        accountId: montreal.accountId,
        email: DEMO_SECOND_PROVIDER,
        passwordHash: await hashPassword(options.password),
        firstName: 'Sophie',
        lastName: 'Lambert',
      })
      .returning();
    await tx
      .insert(staffMemberships)
      .values({ staffId: lambert!.id, organisationId: montreal.id, role: 'provider' });
    const [series] = await tx
      .insert(meetingSeries)
      .values({ organisationId: montreal.id, frequency: 'weekly', count: WEEKS })
      .returning();
    const today = Temporal.PlainDate.from((options.now ?? new Date()).toISOString().slice(0, 10));
    for (let week = 0; week < WEEKS; week++) {
      const date = today.add({ days: 2 + week * 7 }).toString();
      const startsAt = new Date(toInstant(date, '17:30', montreal.timeZone));
      const endsAt = new Date(startsAt.getTime() + MINUTES * 60_000);
      const [appointment] = await tx
        .insert(appointments)
        .values({
          organisationId: montreal.id,
          serviceId: video!.id,
          providerId: roy.id,
          startsAt,
          endsAt,
          busyStartsAt: startsAt,
          busyEndsAt: endsAt,
          state: 'booked',
          capacity: 1,
          source: 'staff',
        })
        .returning();
      const meetingCode = `${randomInt(1, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
      await tx.insert(meetings).values({
        appointmentId: appointment!.id,
        organisationId: montreal.id,
        seriesId: series!.id,
        title: 'Réunion d’équipe / Team meeting',
        meetingCode,
        passcode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        joinUrl: options.videoUrlTemplate.replaceAll('{code}', meetingCode),
      });
      await tx.insert(meetingInvitations).values({ appointmentId: appointment!.id, staffId: lambert!.id });
      await tx.insert(appointmentHistory).values({
        appointmentId: appointment!.id,
        action: 'created',
        actorStaffId: roy.id,
        details: { meeting: true, hostId: roy.id, invitedStaffIds: [lambert!.id], seriesId: series!.id },
      });
    }
  });
}
