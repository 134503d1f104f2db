// The demo's activity (`npm start`, `creneau seed --demo`): services, opening hours, user records and a
// month of appointments around today — past ones marked present, absent or not eligible, upcoming ones
// scheduled, one cancelled, one locked slot — so that the schedule, the follow-up list, the reports and the
// public portal have something to show. Written in one transaction as the actions would write it (history
// entries, busy periods with buffers); the no-overlap constraint checks it like any booking.

import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db, Tx } from '../db/client.ts';
import {
  appointmentHistory,
  appointments,
  availabilityRules,
  locations,
  organisations,
  type ParticipantStatus,
  participants,
  serviceLocations,
  services,
  slotLocks,
  staff,
  userOrganisations,
  users,
} from '../db/schema.ts';
import { toInstant } from '../scheduling/slots.ts';

const MONTREAL_PEOPLE: [string, string, 'fr' | 'en'][] = [
  ['Léa', 'Tremblay', 'fr'],
  ['Noah', 'Gagnon', 'fr'],
  ['Chloé', 'Roy', 'fr'],
  ['William', 'Côté', 'fr'],
  ['Emma', 'Bouchard', 'fr'],
  ['Thomas', 'Gauthier', 'fr'],
  ['Alice', 'Morin', 'fr'],
  ['Félix', 'Lavoie', 'fr'],
  ['Zoé', 'Fortin', 'fr'],
  ['Jacob', 'Gagné', 'fr'],
  ['Rosalie', 'Ouellet', 'fr'],
  ['Samuel', 'Pelletier', 'fr'],
  ['Florence', 'Bélanger', 'fr'],
  ['Nathan', 'Lévesque', 'fr'],
  ['Béatrice', 'Bergeron', 'fr'],
  ['Olivia', 'Smith', 'en'],
  ['Liam', 'Brown', 'en'],
  ['Ava', 'Wilson', 'en'],
  ['Ethan', 'Taylor', 'en'],
  ['Mia', 'Campbell', 'en'],
  ['Lucas', 'Anderson', 'en'],
  ['Sophia', 'Nguyen', 'en'],
  ['Adam', 'Haddad', 'fr'],
  ['Yasmine', 'Benali', 'fr'],
];
const PARIS_PEOPLE: [string, string][] = [
  ['Camille', 'Dubois'],
  ['Louis', 'Moreau'],
  ['Inès', 'Laurent'],
  ['Hugo', 'Simon'],
  ['Manon', 'Michel'],
  ['Arthur', 'Lefebvre'],
  ['Jade', 'Leroy'],
  ['Gabriel', 'Garnier'],
];

/** The demo's activity; `now` fixes "today" (tests). Does nothing if the demo organisation has services. */
export async function seedDemoActivity(db: Db, progress: (step: string) => void, now = new Date()) {
  await db.transaction(async (tx) => {
    const [montreal] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'clinique-plateau'));
    const [paris] = await tx.select().from(organisations).where(eq(organisations.slug, 'centre-lumiere'));
    if (!montreal || !paris) return;
    const [already] = await tx.select().from(services).where(eq(services.organisationId, montreal.id));
    if (already) return;
    const places = await tx.select().from(locations);
    const place = (name: string) => places.find((p) => p.name.startsWith(name))!;
    const [roy] = await tx.select().from(staff).where(eq(staff.email, 'dr.roy@demo.creneau.test'));
    const [martin] = await tx.select().from(staff).where(eq(staff.email, 'dr.martin@demo.creneau.test'));
    const [admin] = await tx.select().from(staff).where(eq(staff.email, 'admin@demo.creneau.test'));

    progress('services and opening hours');
    const [flu, consultation, group] = await tx
      .insert(services)
      .values([
        {
          organisationId: montreal.id,
          nameFr: 'Vaccination antigrippale',
          nameEn: 'Flu shot',
          durationMinutes: 15,
          minNoticeMinutes: 60,
          color: '#2f9e44',
        },
        {
          organisationId: montreal.id,
          nameFr: 'Consultation',
          nameEn: 'Consultation',
          durationMinutes: 30,
          bufferAfterMinutes: 5,
          minNoticeMinutes: 120,
        },
        {
          organisationId: montreal.id,
          nameFr: 'Séance d’information (groupe)',
          nameEn: 'Information session (group)',
          durationMinutes: 60,
          capacity: 8,
          color: '#ae3ec9',
        },
      ])
      .returning();
    const [parisConsultation] = await tx
      .insert(services)
      .values({
        organisationId: paris.id,
        nameFr: 'Consultation',
        nameEn: 'Consultation',
        durationMinutes: 30,
      })
      .returning();
    const plateau = place('Plateau');
    const mileEnd = place('Mile End');
    await tx.insert(serviceLocations).values([
      { serviceId: flu!.id, locationId: plateau.id },
      { serviceId: flu!.id, locationId: mileEnd.id },
      { serviceId: consultation!.id, locationId: plateau.id },
      { serviceId: group!.id, locationId: plateau.id },
      { serviceId: parisConsultation!.id, locationId: place('Paris').id },
    ]);
    const weekdays = [1, 2, 3, 4, 5];
    await tx.insert(availabilityRules).values([
      ...weekdays.flatMap((weekday) => [
        {
          organisationId: montreal.id,
          providerId: roy!.id,
          locationId: plateau.id,
          weekday,
          startTime: '08:30',
          endTime: '12:00',
        },
        {
          organisationId: montreal.id,
          providerId: roy!.id,
          locationId: plateau.id,
          weekday,
          startTime: '13:00',
          endTime: '17:00',
        },
        {
          organisationId: paris.id,
          providerId: martin!.id,
          locationId: place('Paris').id,
          weekday,
          startTime: '09:00',
          endTime: '12:30',
        },
        {
          organisationId: paris.id,
          providerId: martin!.id,
          locationId: place('Paris').id,
          weekday,
          startTime: '14:00',
          endTime: '18:00',
        },
      ]),
      {
        organisationId: montreal.id,
        providerId: roy!.id,
        locationId: mileEnd.id,
        weekday: 6,
        startTime: '09:00',
        endTime: '12:00',
      },
    ]);

    progress('user records');
    const montrealUsers = await addPeople(
      tx,
      montreal,
      MONTREAL_PEOPLE.map(([firstName, lastName, language], i) => ({
        firstName,
        lastName,
        language,
        email: i % 4 === 3 ? null : `${ascii(firstName)}.${ascii(lastName)}@example.com`,
        mobilePhone: i % 3 === 0 ? `+1514555${String(1000 + i).padStart(4, '0')}` : null,
      })),
    );
    const parisUsers = await addPeople(
      tx,
      paris,
      PARIS_PEOPLE.map(([firstName, lastName], i) => ({
        firstName,
        lastName,
        language: 'fr' as const,
        email: `${ascii(firstName)}.${ascii(lastName)}@exemple.fr`,
        mobilePhone: i % 2 ? `+3361234${String(5000 + i).padStart(4, '0')}` : null,
      })),
    );

    progress('appointments of the last and next two weeks');
    const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
      .toZonedDateTimeISO(montreal.timeZone)
      .toPlainDate();
    let made = 0;
    // Past participants, in turn: mostly present, some absent, a few not eligible.
    const statuses: ParticipantStatus[] = [
      'present',
      'present',
      'present',
      'absent',
      'present',
      'present',
      'not_eligible',
      'present',
    ];
    let seen = 0;
    const book = async (input: {
      organisationId: string;
      timeZone: string;
      service: typeof services.$inferSelect;
      providerId: string;
      locationId: string;
      day: number;
      time: string;
      userIds: string[];
    }) => {
      const date = today.add({ days: input.day });
      if (date.dayOfWeek > 5) return;
      const startsAt = new Date(toInstant(date.toString(), input.time, input.timeZone));
      const endsAt = new Date(startsAt.getTime() + input.service.durationMinutes * 60_000);
      const isPast = endsAt.getTime() < now.getTime();
      const [appointment] = await tx
        .insert(appointments)
        .values({
          organisationId: input.organisationId,
          serviceId: input.service.id,
          providerId: input.providerId,
          locationId: input.locationId,
          startsAt,
          endsAt,
          busyStartsAt: new Date(startsAt.getTime() - input.service.bufferBeforeMinutes * 60_000),
          busyEndsAt: new Date(endsAt.getTime() + input.service.bufferAfterMinutes * 60_000),
          state: 'booked',
          capacity: input.service.capacity,
          source: 'staff',
          createdByStaffId: admin!.id,
          createdAt: new Date(Math.min(now.getTime(), startsAt.getTime()) - 7 * 86_400_000),
        })
        .returning();
      const rows = await tx
        .insert(participants)
        .values(
          input.userIds.map((userId) => ({
            appointmentId: appointment!.id,
            userId,
            status: isPast ? statuses[seen++ % statuses.length]! : ('scheduled' as const),
          })),
        )
        .returning();
      await tx.insert(appointmentHistory).values(
        rows.flatMap((participant) => [
          {
            appointmentId: appointment!.id,
            participantId: participant.id,
            action: 'created',
            actorStaffId: admin!.id,
            details: { startsAt: startsAt.toISOString(), userId: participant.userId, source: 'staff' },
            at: appointment!.createdAt,
          },
          ...(participant.status === 'scheduled'
            ? []
            : [
                {
                  appointmentId: appointment!.id,
                  participantId: participant.id,
                  action: 'status_changed',
                  actorStaffId: roy!.id,
                  details: { userId: participant.userId, from: 'scheduled', to: participant.status },
                  at: endsAt,
                },
              ]),
        ]),
      );
      made++;
      return appointment!;
    };
    let next = 0;
    const person = () => montrealUsers[next++ % montrealUsers.length]!;
    for (let day = -14; day <= 14; day++) {
      // Mornings: flu shots every other quarter-hour; afternoons: a few consultations.
      for (const [i, time] of ['08:30', '09:00', '09:30', '10:15', '11:00', '11:30'].entries()) {
        if ((day + i) % 3 === 0) continue;
        await book({
          organisationId: montreal.id,
          timeZone: montreal.timeZone,
          service: flu!,
          providerId: roy!.id,
          locationId: plateau.id,
          day,
          time,
          userIds: [person()],
        });
      }
      for (const [i, time] of ['13:00', '14:00', '15:00'].entries()) {
        if ((day + i) % 2 === 0) continue;
        await book({
          organisationId: montreal.id,
          timeZone: montreal.timeZone,
          service: consultation!,
          providerId: roy!.id,
          locationId: plateau.id,
          day,
          time,
          userIds: [person()],
        });
      }
      if (day % 7 === 3 || day % 7 === -4) {
        await book({
          organisationId: montreal.id,
          timeZone: montreal.timeZone,
          service: group!,
          providerId: roy!.id,
          locationId: plateau.id,
          day,
          time: '16:00',
          userIds: [person(), person(), person()],
        });
      }
      for (const [i, time] of ['09:30', '10:30', '14:30', '16:00'].entries()) {
        if ((day + i) % 2 === 0) continue;
        await book({
          organisationId: paris.id,
          timeZone: paris.timeZone,
          service: parisConsultation!,
          providerId: martin!.id,
          locationId: place('Paris').id,
          day,
          time,
          userIds: [parisUsers[(day + 14 + i) % parisUsers.length]!],
        });
      }
    }

    progress('a cancellation and a locked slot');
    const tomorrow = nextWeekday(today, 1);
    const cancelledStart = new Date(toInstant(tomorrow.toString(), '10:45', montreal.timeZone));
    const [cancelled] = await tx
      .insert(appointments)
      .values({
        organisationId: montreal.id,
        serviceId: flu!.id,
        providerId: roy!.id,
        locationId: plateau.id,
        startsAt: cancelledStart,
        endsAt: new Date(cancelledStart.getTime() + 15 * 60_000),
        busyStartsAt: cancelledStart,
        busyEndsAt: new Date(cancelledStart.getTime() + 15 * 60_000),
        state: 'cancelled',
        cancelledAt: now,
        createdByStaffId: admin!.id,
      })
      .returning();
    const [cancelledParticipant] = await tx
      .insert(participants)
      .values({ appointmentId: cancelled!.id, userId: montrealUsers[0]!, status: 'cancelled' })
      .returning();
    await tx.insert(slotLocks).values({
      organisationId: montreal.id,
      providerId: roy!.id,
      startsAt: cancelled!.startsAt,
      endsAt: cancelled!.endsAt,
      reason: 'Créneau libéré, réservé à un rappel',
      appointmentId: cancelled!.id,
      createdByStaffId: admin!.id,
    });
    await tx.insert(appointmentHistory).values([
      {
        appointmentId: cancelled!.id,
        participantId: cancelledParticipant!.id,
        action: 'created',
        actorStaffId: admin!.id,
        details: { startsAt: cancelledStart.toISOString(), userId: montrealUsers[0], source: 'staff' },
      },
      {
        appointmentId: cancelled!.id,
        participantId: cancelledParticipant!.id,
        action: 'cancelled',
        actorStaffId: admin!.id,
        details: { userId: montrealUsers[0], notify: 'email', lockSlot: true },
      },
    ]);
    progress(`${made} appointments`);
  });
}

async function addPeople(
  tx: Tx,
  organisation: typeof organisations.$inferSelect,
  people: {
    firstName: string;
    lastName: string;
    language: 'fr' | 'en';
    email: string | null;
    mobilePhone: string | null;
  }[],
): Promise<string[]> {
  const rows = await tx
    .insert(users)
    .values(people.map((p) => ({ accountId: organisation.accountId, ...p })))
    .returning({ id: users.id });
  await tx
    .insert(userOrganisations)
    .values(rows.map((r) => ({ userId: r.id, organisationId: organisation.id })));
  return rows.map((r) => r.id);
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function nextWeekday(from: Temporal.PlainDate, days: number): Temporal.PlainDate {
  let date = from.add({ days });
  while (date.dayOfWeek > 5) date = date.add({ days: 1 });
  return date;
}
