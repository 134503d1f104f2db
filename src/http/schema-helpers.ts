// Small TypeBox helpers shared by the areas' schemas.
import { Type } from 'typebox';

/** `schema` or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Response schemas for the listed error statuses: each answers `{ error: { code, message, fields } }`. */
export function errorReplies<S extends number>(...statuses: S[]): Record<S, { $ref: 'ErrorReply' }> {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: 'ErrorReply' as const }])) as Record<
    S,
    { $ref: 'ErrorReply' }
  >;
}
