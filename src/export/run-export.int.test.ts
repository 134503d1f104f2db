// A5 `creneau export` on a real database: user records and appointments of one organisation as CSV
// (BOM, headers in the chosen language), periods in the organisation's local dates, keyset batches that miss
// nobody, progress up to the total, bad options refused naming the option with nothing written — and the
// real command line run as a separate process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAppointment, makeClinic, makeService, makeUser } from '../../test/scheduling-factories.ts';
import { openTestDatabase, testEngine } from '../../test/test-db.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { organisations, users } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { exportUsersCsv } from '../users/export.ts';
import { type ExportOptions, type ExportProgress, runExport } from './run-export.ts';

let database: Database & { url?: string };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

async function exportToText(options: ExportOptions) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const progress: ExportProgress[] = [];
  const result = await runExport(database.db, options, output, (step) => progress.push(step));
  output.end();
  return { text: Buffer.concat(chunks).toString('utf8'), progress, result };
}

/** A clinic in Toronto with a service and two records; a second clinic whose data must not appear. */
async function makeWorld() {
  const { db } = database;
  const clinic = await makeClinic(db, { timeZone: 'America/Toronto' });
  const service = await makeService(db, clinic.organisation.id, clinic.location.id);
  const eloise = await makeUser(db, clinic.account.id, clinic.organisation.id, {
    firstName: 'Éloïse',
    lastName: 'Tremblay',
    email: 'eloise@example.test',
    notes: 'Allergie, "pénicilline"',
  });
  const merged = await makeUser(db, clinic.account.id, clinic.organisation.id, { firstName: 'Gone' });
  await db.update(users).set({ mergedIntoId: eloise.id }).where(eq(users.id, merged.id));
  const other = await makeClinic(db);
  await makeUser(db, other.account.id, other.organisation.id, { firstName: 'Stranger' });
  return { clinic, service, eloise };
}

describe('A5: creneau export', () => {
  it('A5: user records of one organisation, with a BOM, French headers, accents and quotes kept, merged records left out', async () => {
    const { clinic, eloise } = await makeWorld();
    const { text, progress, result } = await exportToText({
      organisationSlug: clinic.organisation.slug,
      what: 'users',
      language: 'fr',
    });
    expect(text.startsWith('\uFEFF"Identifiant","Nom","Prénom","Date de naissance","Courriel"')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${eloise.id}","Tremblay","Éloïse"`);
    expect(lines[1]).toContain('"Allergie, ""pénicilline"""');
    expect(text).not.toContain('Gone');
    expect(text).not.toContain('Stranger');
    expect(result.rows).toBe(1);
    expect(progress.at(-1)).toEqual({ written: 1, total: 1 });
  });

  it('A5: keyset batches write every record exactly once', async () => {
    const clinic = await makeClinic(database.db);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) {
      ids.add((await makeUser(database.db, clinic.account.id, clinic.organisation.id)).id);
    }
    const batches: number[] = [];
    let text = '';
    for await (const chunk of exportUsersCsv(database.db, clinic.organisation.id, 'en', {
      batchSize: 3,
      onRows: (count) => batches.push(count),
    })) {
      text += chunk;
    }
    expect(batches).toEqual([3, 3, 1]);
    const exported = text
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.slice(1, 37));
    expect(exported).toHaveLength(7);
    expect(new Set(exported)).toEqual(ids);
  });

  it('A5: appointments of a period in the organisation’s local dates, headers and statuses in English', async () => {
    const { clinic, service, eloise } = await makeWorld();
    const at = (iso: string) =>
      makeAppointment(database.db, {
        organisationId: clinic.organisation.id,
        serviceId: service.id,
        providerId: clinic.provider.id,
        locationId: clinic.location.id,
        startsAt: iso,
        userIds: [eloise.id],
      });
    // 23:30 in Toronto on 31 March is already 1 April in UTC: it belongs to March here.
    await at('2026-04-01T03:30:00Z');
    await at('2026-04-01T04:30:00Z'); // 00:30 on 1 April in Toronto
    await at('2026-02-28T15:00:00Z');
    const { text, progress } = await exportToText({
      organisationSlug: clinic.organisation.slug,
      what: 'appointments',
      from: '2026-03-01',
      to: '2026-03-31',
      language: 'en',
    });
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF"Date and time","User","Service","Provider","Location","User status"');
    expect(lines.slice(1)).toEqual([
      `"2026-03-31 23:30","Éloïse Tremblay","${service.nameEn}","Paula Provider","Main","Scheduled"`,
    ]);
    expect(progress.at(-1)).toEqual({ written: 1, total: 1 });
    // Without a period: every date.
    const all = await exportToText({ organisationSlug: clinic.organisation.slug, what: 'appointments' });
    expect(all.result.rows).toBe(3);
  });

  it('A5: an unknown organisation, a bad date, a period ending before it starts or an unknown kind are refused naming the option; nothing is written', async () => {
    const { clinic } = await makeWorld();
    const slug = clinic.organisation.slug;
    const cases: [ExportOptions, string, string][] = [
      [{ organisationSlug: 'no-such-clinic', what: 'users' }, 'org', 'unknown_organisation'],
      [{ organisationSlug: slug, what: 'appointments', from: '2026-13-01' }, 'from', 'date'],
      [
        { organisationSlug: slug, what: 'appointments', from: '2026-03-10', to: '2026-03-01' },
        'to',
        'period',
      ],
      [{ organisationSlug: slug, what: 'invoices' as 'users' }, 'what', 'invalid'],
    ];
    for (const [options, path, code] of cases) {
      const output = new PassThrough();
      let written = '';
      output.on('data', (chunk: Buffer) => {
        written += chunk.toString();
      });
      const error = await runExport(database.db, options, output).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([expect.objectContaining({ path, code })]);
      expect(written).toBe('');
    }
  });
});

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('A5: the export command as a process', () => {
  it('A5: `creneau export --out` writes the file and reports progress on standard error', async () => {
    // The process needs a database of its own to open: PostgreSQL's URL, or PGlite files in a temp folder.
    const folder = await mkdtemp(path.join(tmpdir(), 'creneau-export-'));
    const dataDir = path.join(folder, 'data');
    const own = testEngine === 'postgres' ? database : await openDatabase({ dataDir });
    if (testEngine !== 'postgres') await runMigrations(own);
    const clinic = await makeClinic(own.db);
    await own.db
      .update(organisations)
      .set({ defaultLanguage: 'en' })
      .where(eq(organisations.id, clinic.organisation.id));
    await makeUser(own.db, clinic.account.id, clinic.organisation.id, { firstName: 'Zoé', lastName: 'Roy' });
    if (own !== database) await own.close();
    try {
      const out = path.join(folder, 'users.csv');
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/main.ts',
          'export',
          '--org',
          clinic.organisation.slug,
          '--what',
          'users',
          '--out',
          out,
        ],
        {
          cwd: repositoryRoot,
          env: {
            ...process.env,
            ...(database.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: dataDir }),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = await once(child, 'exit');
      expect(code, stderr).toBe(0);
      const text = await readFile(out, 'utf8');
      // The organisation's default language when none is asked for.
      expect(text.startsWith('\uFEFF"ID","Last name","First name"')).toBe(true);
      expect(text).toContain('"Roy","Zoé"');
      expect(stderr).toContain('1 / 1 rows (100 %)');
      expect(stderr).toContain(`Exported 1 rows (users) of ${clinic.organisation.name} to ${out}.`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
