// One error handler: typed AppErrors, schema validation errors and framework 4xx become
// `{ error: { code, message, fields } }` in the caller's language; 5xx details are logged, never shown.
import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, type ErrorCode, type FieldError } from '../errors.ts';
import { hasKey, translate } from '../i18n/index.ts';
import { isPageRequest } from './web.ts';

export const ErrorReply = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      fields: Type.Optional(
        Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
      ),
    }),
  },
  { $id: 'ErrorReply' },
);

type AjvError = { keyword: string; instancePath: string; params: Record<string, unknown> };

/** Union schemas produce one error per branch; keep the most telling one per field. */
const VAGUE_KEYWORDS = new Set(['anyOf', 'oneOf', 'const', 'type']);

function fieldsFromValidation(errors: AjvError[], context: string | undefined): FieldError[] {
  const all = errors.map((error) => {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const extra =
      error.keyword === 'required'
        ? String(error.params.missingProperty)
        : error.keyword === 'additionalProperties'
          ? String(error.params.additionalProperty)
          : '';
    const path = [context && context !== 'body' ? context : '', base, extra].filter(Boolean).join('.');
    const params = {
      ...error.params,
      allowed: (error.params.allowedValues as unknown[] | undefined)?.join(', '),
    };
    // An empty required text is "required" to a person, not "at least 1 characters".
    const code = error.keyword === 'minLength' && error.params.limit === 1 ? 'required' : error.keyword;
    return { path: path || (context ?? ''), code, params };
  });
  const kept = new Map<string, FieldError>();
  for (const field of all) {
    const previous = kept.get(field.path);
    if (!previous || (VAGUE_KEYWORDS.has(previous.code) && !VAGUE_KEYWORDS.has(field.code)))
      kept.set(field.path, field);
  }
  return [...kept.values()];
}

export function installErrorHandler(app: FastifyInstance, options: { serveSpa: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const language = request.language ?? 'fr';
    let code: ErrorCode;
    let status: number;
    let fields: FieldError[] = [];
    let params: Record<string, unknown> = {};
    let details: Record<string, unknown> | undefined;
    if (error instanceof AppError) {
      ({ code, status, fields, params, details } = error);
    } else if ((error as FastifyError).validation) {
      code = 'validation_failed';
      status = 400;
      const fastifyError = error as FastifyError;
      fields = fieldsFromValidation(fastifyError.validation as AjvError[], fastifyError.validationContext);
    } else if ((error as FastifyError).statusCode === 429) {
      code = 'rate_limited';
      status = 429;
      params = { seconds: Math.ceil(Number(reply.getHeader('retry-after') ?? 60)) };
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      code = (error as FastifyError).statusCode === 404 ? 'not_found' : 'bad_request';
      status = (error as FastifyError).statusCode!;
    } else {
      request.log.error({ err: error }, 'unhandled error');
      code = 'internal';
      status = 500;
    }
    const body = {
      error: {
        code,
        message:
          typeof params.customMessage === 'string'
            ? params.customMessage
            : translate(language, `errors.${code}`, params),
        ...(details ? { details } : {}),
        ...(fields.length
          ? {
              fields: fields.map((field) => ({
                path: field.path,
                code: field.code,
                message:
                  field.message ??
                  (hasKey(language, `fields.${field.code}`)
                    ? translate(language, `fields.${field.code}`, field.params)
                    : translate(language, 'fields.invalid')),
              })),
            }
          : {}),
      },
    };
    return reply.status(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.serveSpa && isPageRequest(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const language = request.language ?? 'fr';
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: translate(language, 'errors.not_found') } });
  });
}
