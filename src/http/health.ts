// Liveness and readiness probes (not under /api: no session, no access rule).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.ts';
import { isMigrated } from '../db/migrate.ts';

export function registerHealthRoutes(app: FastifyInstance, services: Services): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await isMigrated(services.database).catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready' });
  });
}
