// N4 foundation: a job sent inside a transaction exists only if that transaction commits, and is worked.
import { eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { waitFor } from '../../test/wait.ts';
import { sessions } from '../db/schema.ts';
import { enqueue } from './boss.ts';

let world: TestApp;
beforeAll(async () => {
  world = await startTestApp({ worker: true });
});
afterAll(() => world?.close());

describe('pg-boss on the application database', () => {
  it('N4: a job sent in a rolled-back transaction does not exist', async () => {
    const { db, boss } = world.services;
    let jobId: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        jobId = await enqueue(boss, tx, 'sessions.purge-expired', {});
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(jobId).toBeTruthy();
    expect(await boss.getJobById('sessions.purge-expired', jobId!)).toBeNull();
  });

  it('N4: a job sent in a committed transaction is worked by the worker', async () => {
    const { db, boss } = world.services;
    const { admin } = await makeAccount(db);
    await db.insert(sessions).values({
      tokenHash: 'expired-token-hash',
      staffId: admin.id,
      csrfToken: 'x',
      expiresAt: new Date(Date.now() - 60_000),
    });
    const jobId = await db.transaction((tx) => enqueue(boss, tx, 'sessions.purge-expired', {}));
    const job = await waitFor(async () => {
      const found = await boss.getJobById('sessions.purge-expired', jobId!);
      return found?.state === 'completed' ? found : undefined;
    });
    expect(job.state).toBe('completed');
    const left = await db.select().from(sessions).where(lt(sessions.expiresAt, new Date()));
    expect(left).toHaveLength(0);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(eq(sessions.tokenHash, 'expired-token-hash'));
    expect(count!.n).toBe(0);
  });
});
