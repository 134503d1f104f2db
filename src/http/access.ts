// The one access mechanism every route goes through (A2). Each /api route declares `config.access`;
// a route without a declaration makes start-up fail. Organisation-scoped routes carry `:orgId` and
// require a membership with one of the listed roles in that organisation.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleIn, type StaffActor } from '../auth/actor.ts';
import type { StaffRole } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export type Access =
  | { kind: 'public' }
  | { kind: 'staff' }
  | { kind: 'organisation'; roles: readonly StaffRole[] }
  | { kind: 'account'; roles: readonly StaffRole[] }
  /** A signed-in portal account (the public user space, P4). */
  | { kind: 'portal' };

export const PUBLIC: Access = { kind: 'public' };
export const ANY_STAFF: Access = { kind: 'staff' };
export const PORTAL_USER: Access = { kind: 'portal' };
export const ALL_ROLES: readonly StaffRole[] = ['admin', 'agent', 'provider'];
export const orgAccess = (...roles: StaffRole[]): Access => ({
  kind: 'organisation',
  roles: roles.length ? roles : ALL_ROLES,
});
export const accountAccess = (...roles: StaffRole[]): Access => ({
  kind: 'account',
  roles: roles.length ? roles : ALL_ROLES,
});

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type RegisteredRoute = { method: string; url: string; access: Access };

/** Registers the hooks; returns the live list of API routes (walked by the authorization test). */
export function installAccessControl(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    if (access.kind === 'organisation' && !route.url.includes(':orgId')) {
      throw new Error(`Route ${route.url} is organisation-scoped but has no :orgId parameter`);
    }
    if (access.kind === 'account' && !route.url.includes(':accountId')) {
      throw new Error(`Route ${route.url} is account-scoped but has no :accountId parameter`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
  });
  // onRequest (after the session hook), so that access is refused before the body is even validated.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    if (access.kind === 'portal') {
      if (!request.portalUser) throw new AppError('unauthenticated');
      return;
    }
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated');
    if (access.kind === 'organisation') checkOrganisation(request, actor, access.roles);
    if (access.kind === 'account') checkAccount(request, actor, access.roles);
  });
  return routes;
}

function checkOrganisation(request: FastifyRequest, actor: StaffActor, roles: readonly StaffRole[]) {
  const orgId = (request.params as { orgId?: string }).orgId ?? '';
  const role = roleIn(actor, orgId);
  // Not a member: answer as if the organisation did not exist, so ids cannot be probed.
  if (!role) throw new AppError('not_visible');
  if (!roles.includes(role)) throw new AppError('forbidden');
}

function checkAccount(request: FastifyRequest, actor: StaffActor, roles: readonly StaffRole[]) {
  const accountId = (request.params as { accountId?: string }).accountId;
  if (accountId !== actor.accountId) throw new AppError('not_visible');
  if (![...actor.roles.values()].some((role) => roles.includes(role))) throw new AppError('forbidden');
}
