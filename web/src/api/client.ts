// The one HTTP client of the web app, typed from the OpenAPI document (schema.d.ts, `npm run gen:api`).
// It sends the session's CSRF token on changes, asks for messages in the interface's language, and turns
// the API's `{ error: { code, message, fields } }` into an ApiError that forms can show.
import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n';
import type { components, paths } from './schema';

export type { paths };
export type ErrorReply = components['schemas']['ErrorReply'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a route answers with for a status (200 by default). */
export type ResponseBody<
  Path extends keyof paths,
  M extends Method,
  Status extends number = 200,
> = paths[Path][M] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? JsonContent<Responses[Status]>
    : never
  : never;

/** The JSON body a route accepts. */
export type RequestBody<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  requestBody?: infer Body;
}
  ? JsonContent<NonNullable<Body>>
  : never;

export type Session = ResponseBody<'/api/v1/auth/session', 'get'>;
export type Membership = Session['memberships'][number];
export type Role = Membership['role'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Kept in memory only: it comes from GET /auth/session and dies with the tab.
let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request answers 401 (the session ended); returns the unsubscribe function. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    // The server answers in this language unless the `lang` cookie (the same choice) says otherwise.
    request.headers.set('accept-language', i18n.language);
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/sign-in')) {
      for (const listener of unauthenticatedListeners) listener();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sessionMiddleware);

/** A refused or failed request, ready to show: a message and, per body property, a field message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorReply(body: unknown): body is ErrorReply {
  const error = (body as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown }
    | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Turns an error body (already localised by the server) into an ApiError. */
export function toApiError(body: unknown, status: number): ApiError {
  if (!isErrorReply(body)) return new ApiError(status, 'unexpected', i18n.t('common.unexpectedError'));
  const fields: Record<string, string> = {};
  for (const field of body.error.fields ?? []) fields[field.path] ??= field.message;
  return new ApiError(status, body.error.code, body.error.message, fields);
}

/** Any thrown value as an ApiError (a fetch that never reached the server is a network error). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) return new ApiError(0, 'network', i18n.t('common.networkError'));
  return new ApiError(0, 'unexpected', i18n.t('common.unexpectedError'));
}

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(request: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw asApiError(error);
  }
  if (!outcome.response.ok || outcome.error !== undefined) {
    throw toApiError(outcome.error, outcome.response.status);
  }
  return outcome.data as T;
}
