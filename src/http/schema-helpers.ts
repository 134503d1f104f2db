// Small TypeBox helpers shared by the areas' schemas.
import { Type } from 'typebox';

/** `schema` or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
