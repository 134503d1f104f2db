// Public portal routes (P1): what anyone may see of an organisation. No personal data here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { LanguageSchema } from '../auth/schemas.ts';
import type { Services } from '../context.ts';
import { locations, organisations } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { PUBLIC } from '../http/access.ts';

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
        response: { 200: PublicOrganisation, 404: { $ref: 'ErrorReply' } },
      },
    },
    async (request, reply) => {
      const [organisation] = await services.db
        .select()
        .from(organisations)
        .where(eq(organisations.slug, request.params.slug));
      if (!organisation) throw new AppError('not_found');
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
