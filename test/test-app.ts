// A running application over a fresh test database, with an HTTP client that keeps a staff session.
import type { LightMyRequestResponse } from 'fastify';
import { type Config, loadConfig } from '../src/config.ts';
import type { Services } from '../src/context.ts';
import { type App, buildApp } from '../src/http/app.ts';
import { type QueueSettings, startBoss } from '../src/jobs/boss.ts';
import { startWorker } from '../src/jobs/worker.ts';
import { openTestDatabase } from './test-db.ts';

export type TestApp = { app: App; services: Services; close(): Promise<void> };

export async function startTestApp(
  options: { worker?: boolean; config?: Partial<Config>; queue?: QueueSettings } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const config: Config = { ...loadConfig({}), cookieSecure: false, ...options.config };
  const boss = await startBoss(database, { supervise: false, queue: options.queue });
  const services: Services = { config, database, db: database.db, boss };
  if (options.worker) services.transports = await startWorker(services);
  const app = await buildApp(services);
  return {
    app,
    services,
    close: async () => {
      await app.close();
      await boss.stop({ graceful: false, close: true, timeout: 2000 });
      services.transports?.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An HTTP client over app.inject that keeps cookies and the CSRF token like the web app does. */
export class Client {
  cookies: Record<string, string> = {};
  csrfToken: string | undefined;
  language: 'fr' | 'en' | undefined;

  constructor(private readonly app: App) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response: LightMyRequestResponse = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.language ? { 'accept-language': this.language } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(Object.keys(this.cookies).length
          ? {
              cookie: Object.entries(this.cookies)
                .map(([k, v]) => `${k}=${v}`)
                .join('; '),
            }
          : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0) delete this.cookies[cookie.name];
      else this.cookies[cookie.name] = cookie.value;
    }
    return {
      status: response.statusCode,
      body: response.body ? safeJson(response.body) : undefined,
      response,
    };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async signIn(email: string, password: string) {
    const result = await this.post('/api/v1/auth/sign-in', { email, password });
    if (result.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(result.body)}`);
    const session = await this.get('/api/v1/auth/session');
    this.csrfToken = session.body.csrfToken;
    return session.body;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected loosely.
function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
