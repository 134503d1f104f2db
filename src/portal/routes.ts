// Public portal routes (P1): what anyone may see of an organisation. No personal data here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getOrganisationBySlug } from '../accounts/queries.ts';
import { LanguageSchema, SignInBody } from '../auth/schemas.ts';
import type { Services } from '../context.ts';
import {
  appointmentHistory,
  locations,
  participants,
  services as servicesTable,
  users,
} from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { PORTAL_USER, PUBLIC } from '../http/access.ts';
import { errorReplies, Nullable } from '../http/schema-helpers.ts';
import { buildIcs } from '../notifications/ics.ts';
import { bookOnline } from './actions/book-online.ts';
import {
  cancelMyAppointment,
  getProfile,
  myAppointments,
  portalSignIn,
  setMyPreferences,
} from './actions/user-space.ts';
import { ProfileReply } from './schemas.ts';
import { deletePortalSession, PORTAL_COOKIE, setPortalCookie } from './sessions.ts';

const PublicOrganisation = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLanguage: LanguageSchema,
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  locations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export function registerPortalRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/public/organisations/:slug',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['portal'],
        summary: 'Public page of an organisation',
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
        response: { 200: PublicOrganisation, ...errorReplies(404) },
      },
    },
    async (request, reply) => {
      const organisation = await getOrganisationBySlug(services.db, request.params.slug);
      const rows = await services.db
        .select({ id: locations.id, name: locations.name, address: locations.address })
        .from(locations)
        .where(eq(locations.organisationId, organisation.id))
        .orderBy(asc(locations.name));
      reply.header('cache-control', 'public, max-age=60');
      return {
        slug: organisation.slug,
        name: organisation.name,
        timeZone: organisation.timeZone,
        defaultLanguage: organisation.defaultLanguage,
        phone: organisation.phone,
        address: organisation.address,
        locations: rows,
      };
    },
  );
}

const errors = errorReplies(400, 401, 403, 404, 409, 410, 429);
const BookingBody = Type.Object(
  {
    holdToken: Type.String({ minLength: 20, maxLength: 100 }),
    guest: Type.Optional(
      Type.Object(
        {
          firstName: Type.String({ minLength: 1, maxLength: 100 }),
          lastName: Type.String({ minLength: 1, maxLength: 100 }),
          email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
          mobilePhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const BookingReply = Type.Object({
  appointmentId: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  organisation: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
  }),
  ics: Type.String(),
});
const MyAppointment = Type.Object({
  participantId: Type.String(),
  appointmentId: Type.String(),
  status: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  serviceName: Type.Object({ fr: Type.String(), en: Type.String() }),
  providerName: Type.String(),
  organisation: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    timeZone: Type.String(),
  }),
  isUpcoming: Type.Boolean(),
  canCancel: Type.Boolean(),
});
/** Online bookings per contact and hour: beyond this, automated mass booking is refused. */
const BOOKINGS_PER_CONTACT_PER_HOUR = 5;

export function registerPortalSpaceRoutes(fastify: FastifyInstance, services: Services): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, boss, config } = services;
  const portal = ['portal'];

  app.post(
    '/public/organisations/:slug/bookings',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: portal,
        summary: 'Book a held slot as a guest or signed in (P1–P3, S10)',
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }) }),
        body: BookingBody,
        response: { 201: BookingReply, ...errors },
      },
    },
    async (request, reply) => {
      const organisation = await getOrganisationBySlug(db, request.params.slug);
      const portalUserId = request.portalUser?.userId;
      if (!portalUserId && !request.body.guest)
        throw new AppError('validation_failed', [{ path: 'guest', code: 'required' }]);
      if (!portalUserId) await assertContactRate(request.body.guest!);
      const result = await bookOnline(db, boss, {
        organisation,
        holdToken: request.body.holdToken,
        language: request.language,
        portalUserId,
        guest: request.body.guest ? { ...request.body.guest, language: request.language } : undefined,
      });
      const service = await db
        .select()
        .from(servicesTable)
        .where(eq(servicesTable.id, result.appointment.serviceId));
      const ics = buildIcs({
        appointmentId: result.appointment.id,
        sequence: result.appointment.sequence,
        startsAt: result.appointment.startsAt,
        endsAt: result.appointment.endsAt,
        summary: `${request.language === 'fr' ? service[0]!.nameFr : service[0]!.nameEn} — ${organisation.name}`,
        location: organisation.address ?? '',
        description: organisation.phone ?? '',
        organiser: { name: organisation.name, email: config.mailFrom.replace(/^.*<|>.*$/g, '') },
        cancelled: false,
      });
      return reply.status(201).send({
        appointmentId: result.appointment.id,
        startsAt: result.appointment.startsAt.toISOString(),
        endsAt: result.appointment.endsAt.toISOString(),
        organisation: { name: organisation.name, phone: organisation.phone, address: organisation.address },
        ics: ics.content,
      });
    },
  );

  /** Per-contact limit, counted on recent portal bookings of records with that email or mobile. */
  async function assertContactRate(guest: { email?: string | null; mobilePhone?: string | null }) {
    const email = guest.email?.trim().toLowerCase() || null;
    const digits = guest.mobilePhone?.replace(/\D/g, '') || null;
    if (!email && !digits) return;
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointmentHistory)
      .innerJoin(participants, eq(participants.id, appointmentHistory.participantId))
      .innerJoin(users, eq(users.id, participants.userId))
      .where(
        and(
          eq(appointmentHistory.action, 'created'),
          sql`${appointmentHistory.details}->>'source' = 'portal'`,
          sql`${appointmentHistory.at} > now() - interval '1 hour'`,
          sql`(${users.email} = ${email} or regexp_replace(coalesce(${users.mobilePhone}, ''), '\\D', '', 'g') like '%' || ${digits ?? '-'})`,
        ),
      );
    if (Number(row?.n ?? 0) >= BOOKINGS_PER_CONTACT_PER_HOUR)
      throw new AppError('rate_limited', [], { seconds: 3600 });
  }

  app.post(
    '/portal/sign-in',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: 10,
          timeWindow: '5 minutes',
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags: portal,
        summary: 'Sign in to the user space (P4)',
        body: SignInBody,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (request, reply) => {
      const session = await portalSignIn(db, request.body, config.sessionDays);
      setPortalCookie(reply, session, config.cookieSecure);
      return { ok: true as const };
    },
  );
  app.post(
    '/portal/sign-out',
    {
      config: { access: PORTAL_USER },
      schema: {
        tags: portal,
        summary: 'Sign out of the user space',
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[PORTAL_COOKIE];
      if (token) await deletePortalSession(db, token);
      reply.setCookie(PORTAL_COOKIE, '', { path: '/', maxAge: 0 });
      return { ok: true as const };
    },
  );
  app.get(
    '/portal/session',
    {
      config: { access: PORTAL_USER },
      schema: {
        tags: portal,
        summary: 'The signed-in user and the CSRF token',
        response: {
          200: Type.Object({ csrfToken: Type.String(), email: Type.String(), profile: ProfileReply }),
          ...errors,
        },
      },
    },
    async (request) => ({
      csrfToken: request.portalCsrfToken!,
      email: request.portalUser!.email,
      profile: await getProfile(db, request.portalUser!.userId, request.portalUser!.portalAccountId),
    }),
  );
  app.get(
    '/portal/appointments',
    {
      config: { access: PORTAL_USER },
      schema: {
        tags: portal,
        summary: 'My appointments, upcoming and past (P4)',
        response: { 200: Type.Array(MyAppointment), ...errors },
      },
    },
    async (request) => myAppointments(db, request.portalUser!.userId),
  );
  app.post(
    '/portal/appointments/:participantId/cancel',
    {
      config: { access: PORTAL_USER },
      schema: {
        tags: portal,
        summary: 'Cancel my appointment up to the organisation’s cut-off (P4)',
        params: Type.Object({ participantId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors },
      },
    },
    async (request) => {
      await cancelMyAppointment(db, boss, request.portalUser!.userId, request.params.participantId);
      return { ok: true as const };
    },
  );
  app.put(
    '/portal/preferences',
    {
      config: { access: PORTAL_USER },
      schema: {
        tags: portal,
        summary: 'My notification preferences and language (U4: staff then see them read-only)',
        body: Type.Object(
          {
            notifyByEmail: Type.Optional(Type.Boolean()),
            notifyBySms: Type.Optional(Type.Boolean()),
            language: Type.Optional(LanguageSchema),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ProfileReply, ...errors },
      },
    },
    async (request) => setMyPreferences(db, request.portalUser!, request.body),
  );
}
