// Factories for scheduling tests: a clinic with a provider open every day, a service, a user.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../src/db/client.ts';
import {
  appointments,
  availabilityRules,
  locations,
  participants,
  serviceLocations,
  services,
  userOrganisations,
  users,
} from '../src/db/schema.ts';
import { makeAccount, makeStaff } from './factories.ts';

export async function makeClinic(db: Db, options: { timeZone?: string; open?: string; close?: string } = {}) {
  const { account, organisation, admin } = await makeAccount(db, {
    timeZone: options.timeZone ?? 'America/Toronto',
  });
  const [location] = await db
    .insert(locations)
    .values({ organisationId: organisation.id, name: 'Main' })
    .returning();
  const provider = await makeProvider(db, {
    accountId: account.id,
    organisationId: organisation.id,
    locationId: location!.id,
    open: options.open,
    close: options.close,
    names: { firstName: 'Paula', lastName: 'Provider' },
  });
  return { account, organisation, admin, provider, location: location! };
}

/** A staff member with the provider role, open every day (09:00–17:00 unless told) at one location. */
export async function makeProvider(
  db: Db,
  input: {
    accountId: string;
    organisationId: string;
    locationId: string;
    open?: string;
    close?: string;
    names?: { firstName: string; lastName: string };
  },
) {
  const provider = await makeStaff(
    db,
    input.accountId,
    [{ organisationId: input.organisationId, role: 'provider' }],
    input.names,
  );
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      organisationId: input.organisationId,
      providerId: provider.id,
      locationId: input.locationId,
      weekday,
      startTime: input.open ?? '09:00',
      endTime: input.close ?? '17:00',
    })),
  );
  return provider;
}

export async function makeService(
  db: Db,
  organisationId: string,
  locationId: string,
  fields: Partial<typeof services.$inferInsert> = {},
) {
  const [service] = await db
    .insert(services)
    .values({
      organisationId,
      nameFr: 'Consultation',
      nameEn: 'Consultation',
      durationMinutes: 30,
      ...fields,
    })
    .returning();
  await db.insert(serviceLocations).values({ serviceId: service!.id, locationId });
  return service!;
}

export async function makeUser(
  db: Db,
  accountId: string,
  organisationId: string,
  fields: Partial<typeof users.$inferInsert> = {},
) {
  const [user] = await db
    .insert(users)
    .values({
      accountId,
      firstName: 'Uma',
      lastName: `User${Math.random().toString(36).slice(2, 7)}`,
      ...fields,
    })
    .returning();
  await db.insert(userOrganisations).values({ userId: user!.id, organisationId });
  return user!;
}

/** An instant at a local wall-clock time, `days` from today in the time zone. */
export function localInstant(timeZone: string, days: number, time: string): string {
  const date = Temporal.Now.plainDateISO(timeZone).add({ days });
  return new Date(
    Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).epochMilliseconds,
  ).toISOString();
}

export function localDateIn(timeZone: string, days: number): string {
  return Temporal.Now.plainDateISO(timeZone).add({ days }).toString();
}

/** An appointment written directly (e.g. in the past, which booking refuses), with scheduled participants. */
export async function makeAppointment(
  db: Db,
  input: {
    organisationId: string;
    serviceId: string;
    providerId: string;
    locationId?: string;
    startsAt: string;
    userIds: string[];
    minutes?: number;
  },
) {
  const start = new Date(input.startsAt);
  const end = new Date(start.getTime() + (input.minutes ?? 30) * 60_000);
  const [appointment] = await db
    .insert(appointments)
    .values({
      organisationId: input.organisationId,
      serviceId: input.serviceId,
      providerId: input.providerId,
      locationId: input.locationId ?? null,
      startsAt: start,
      endsAt: end,
      busyStartsAt: start,
      busyEndsAt: end,
      state: 'booked',
      capacity: Math.max(1, input.userIds.length),
    })
    .returning();
  const rows = await db
    .insert(participants)
    .values(
      input.userIds.map((userId) => ({
        appointmentId: appointment!.id,
        userId,
        status: 'scheduled' as const,
      })),
    )
    .returning();
  return { appointment: appointment!, participants: rows };
}
