// The requests of a "forgot your password?" flow (staff or portal) as the int tests send them: each from its
// own client address unless told, like different visitors, since the routes limit requests per address.
import { sql } from 'drizzle-orm';
import { Client, type TestApp } from './test-app.ts';
import { waitFor } from './wait.ts';

export const uniqueEmail = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;
export const randomAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

type Paths = {
  /** The reset-link collection, e.g. '/api/v1/auth/password-resets'. */
  resets: string;
  signIn: string;
};

/** `world` is read at each call: the test app starts in `beforeAll`. */
export function passwordResetRequests(world: () => TestApp, paths: Paths) {
  return {
    askReset(email: string, options: { address?: string; language?: 'fr' | 'en' } = {}) {
      return new Client(world().app).request(
        'POST',
        paths.resets,
        { email },
        {
          'x-forwarded-for': options.address ?? randomAddress(),
          'accept-language': options.language ?? 'fr',
        },
      );
    },
    signIn(email: string, password: string, client = new Client(world().app)) {
      return client.request(
        'POST',
        paths.signIn,
        { email, password },
        { 'x-forwarded-for': randomAddress() },
      );
    },
    followLink(client: Client, token: string, body: Record<string, unknown>) {
      return client.request('POST', `${paths.resets}/${token}`, body, { 'x-forwarded-for': randomAddress() });
    },
    previewLink(client: Client, token: string) {
      return client.request('GET', `${paths.resets}/${token}`, undefined, {
        'x-forwarded-for': randomAddress(),
      });
    },
  };
}

/** Until the jobs of these names (the reset job and the deliveries it enqueued) are all done (no sleeping). */
export async function jobsSettled(world: TestApp, jobNames: readonly string[]) {
  await waitFor(async () => {
    const result = await world.services.db.execute(
      sql`select count(*)::int as n from pgboss.job
          where name in (${sql.join(
            jobNames.map((name) => sql`${name}`),
            sql`, `,
          )})
            and state in ('created', 'retry', 'active')`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]!.n === 0;
  });
}
