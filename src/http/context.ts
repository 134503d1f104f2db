// Builds an action's context from a request.
import type { FastifyRequest } from 'fastify';
import type { Services, StaffContext } from '../context.ts';
import { AppError } from '../errors.ts';

export function staffContext(request: FastifyRequest, services: Services): StaffContext {
  if (!request.actor) throw new AppError('unauthenticated');
  return {
    db: services.db,
    boss: services.boss,
    config: services.config,
    actor: request.actor,
    language: request.language,
  };
}
