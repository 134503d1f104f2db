// Fastify assembly: logging, cookies, sessions, access control, errors, OpenAPI, areas' routes, the web app.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountRoutes } from '../accounts/routes.ts';
import { registerStaffPasswordResetRoutes } from '../auth/password-reset-routes.ts';
import { registerAuthRoutes } from '../auth/routes.ts';
import { registerTwoFactorRoutes } from '../auth/two-factor-routes.ts';
import type { Services } from '../context.ts';
import { registerFeedRoutes } from '../feeds/routes.ts';
import { registerFollowupRoutes } from '../followup/routes.ts';
import { registerMeetingRoutes } from '../meetings/routes.ts';
import { registerNotificationRoutes } from '../notifications/routes.ts';
import { registerPortalAccountRoutes } from '../portal/account-routes.ts';
import { registerPortalRoutes, registerPortalSpaceRoutes } from '../portal/routes.ts';
import { registerSchedulingRoutes } from '../scheduling/routes.ts';
import { registerTagRoutes } from '../tags/routes.ts';
import { registerUserRoutes } from '../users/routes.ts';
import { installAccessControl, type RegisteredRoute } from './access.ts';
import { ErrorReply, installErrorHandler } from './error-handler.ts';
import { registerHealthRoutes } from './health.ts';
import { registerOpenApi } from './openapi.ts';
import { installSessionHooks } from './session-hooks.ts';
import { registerWebApp } from './web.ts';

export type App = FastifyInstance & { apiRoutes: RegisteredRoute[] };

export type BuildOptions = { logger?: boolean; serveWeb?: boolean };

export async function buildApp(services: Services, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: services.config.logLevel,
          // No personal data in logs: only method, route pattern and ids — never query strings or bodies.
          serializers: {
            req: (request) => ({ method: request.method, route: request.routeOptions?.url, id: request.id }),
          },
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: services.config.trustProxy,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addSchema(ErrorReply);
  await app.register(cookie);
  // SMS providers post their delivery-status callbacks as HTML form fields.
  await app.register(formbody);
  // preHandler: the body is parsed, so sign-in can be limited per address *and* email.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  installSessionHooks(app, services.db, services.config);
  const apiRoutes = installAccessControl(app);
  const serveSpa = options.serveWeb ? await registerWebApp(app, services.config.webDist) : false;
  installErrorHandler(app, { serveSpa });
  await registerOpenApi(app);
  registerHealthRoutes(app, services);

  await app.register(
    async (api) => {
      registerAuthRoutes(api, services);
      registerStaffPasswordResetRoutes(api, services);
      registerTwoFactorRoutes(api, services);
      registerAccountRoutes(api, services);
      registerPortalRoutes(api, services);
      registerPortalSpaceRoutes(api, services);
      registerPortalAccountRoutes(api, services);
      registerTagRoutes(api, services);
      registerUserRoutes(api, services);
      registerNotificationRoutes(api, services);
      registerSchedulingRoutes(api, services);
      registerMeetingRoutes(api, services);
      registerFeedRoutes(api, services);
      registerFollowupRoutes(api, services);
    },
    { prefix: '/api/v1' },
  );

  await app.ready();
  return Object.assign(app, { apiRoutes });
}
