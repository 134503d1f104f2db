// OpenAPI document at /api/openapi.json and a browsable reference at /api/docs (A3).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Créneau API',
        version: '1.0.0',
        description:
          'Appointments for clinics and public services. Staff routes need the session cookie and, for ' +
          'changes, the `x-csrf-token` header returned by `GET /api/v1/auth/session`. Errors are ' +
          '`{ error: { code, message, fields } }` in the caller’s language (cookie `lang` or Accept-Language).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'creneau_session' } },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
