// Command line (A5): serve, start, worker, migrate, seed --demo, create-admin, export.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setupAccount } from './accounts/actions/setup-account.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import type { Language } from './db/schema.ts';
import { AppError } from './errors.ts';
import { type ExportKind, runExport } from './export/run-export.ts';
import { isLanguage, translate } from './i18n/index.ts';
import { seedDemo } from './seed/demo.ts';
import { closeServices, onShutdown, openServices, serve } from './server.ts';

const USAGE = `Usage: creneau <command> [options]

Commands:
  start                 migrate, seed the demo on first start, build the web app if needed, serve
  serve                 serve HTTP (and run the worker in-process unless IN_PROCESS_WORKER=false)
  worker                run the job worker alone (several may run on PostgreSQL)
  migrate               apply database migrations
  seed --demo           create the demo account (idempotent)
  create-admin --email E --password P --first-name F --last-name L
               --account-name A --org-name O --org-slug S --time-zone Z [--language fr|en]
  export --org SLUG [--what users|appointments] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--language fr|en] [--out FILE]
                        an organisation's records or appointments as CSV (UTF-8 with BOM);
                        standard output unless --out; progress on standard error

Environment: PORT, HOST, DATABASE_URL (PostgreSQL; default embedded PGlite in DATA_DIR=./data), see README.`;

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

async function withDatabase<T>(
  run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    return await run(database);
  } finally {
    await database.close();
  }
}

function buildWebIfMissing(webDist: string) {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  log('Building the web app (first start only)…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

async function exportCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      what: { type: 'string', default: 'appointments' },
      from: { type: 'string' },
      to: { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.org)
    throw new Error('Missing: --org (the organisation’s portal address, e.g. clinique-plateau)');
  if (values.language !== undefined && !isLanguage(values.language))
    throw new Error('--language is fr or en');
  const output = values.out ? createWriteStream(values.out) : process.stdout;
  const isTerminal = process.stderr.isTTY;
  await withDatabase(async (database) => {
    const result = await runExport(
      database.db,
      {
        organisationSlug: values.org!,
        what: values.what as ExportKind,
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(values.language ? { language: values.language as Language } : {}),
      },
      output,
      ({ written, total }) => {
        const percent = total ? Math.round((written / total) * 100) : 100;
        const line = `  exporting ${values.what}: ${written.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${percent} %)`;
        process.stderr.write(isTerminal ? `\r${line}` : `${line}\n`);
      },
    );
    if (output !== process.stdout) {
      output.end();
      await once(output, 'finish');
    }
    process.stderr.write(
      `${isTerminal ? '\n' : ''}Exported ${result.rows.toLocaleString('en')} rows (${values.what}) of ${result.organisationName}${values.out ? ` to ${values.out}` : ''}.\n`,
    );
  });
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      await withDatabase(async () => log('Migrations applied.'));
      return;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new Error('Only `seed --demo` exists.');
      await withDatabase(async (database) => {
        const report = await seedDemo(database.db, (step) => log(`  seeding: ${step}`));
        log(report.created ? 'Demo account created.' : 'Demo account already present.');
        for (const signIn of report.signIns) log(`  ${signIn.role}: ${signIn.email} / ${signIn.password}`);
      });
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          password: { type: 'string' },
          'first-name': { type: 'string' },
          'last-name': { type: 'string' },
          'account-name': { type: 'string' },
          'org-name': { type: 'string' },
          'org-slug': { type: 'string' },
          'time-zone': { type: 'string' },
          language: { type: 'string', default: 'fr' },
        },
      });
      const required = [
        'email',
        'password',
        'first-name',
        'last-name',
        'account-name',
        'org-name',
        'org-slug',
        'time-zone',
      ] as const;
      const missing = required.filter((name) => !values[name]);
      if (missing.length) throw new Error(`Missing: ${missing.map((name) => `--${name}`).join(', ')}`);
      const language = values.language === 'en' ? 'en' : 'fr';
      await withDatabase(async (database) => {
        const result = await setupAccount(database.db, {
          accountName: values['account-name']!,
          organisation: {
            name: values['org-name']!,
            slug: values['org-slug']!,
            timeZone: values['time-zone']!,
            defaultLanguage: language,
          },
          admin: {
            email: values.email!,
            password: values.password!,
            firstName: values['first-name']!,
            lastName: values['last-name']!,
            language,
          },
        });
        log(
          `Admin ${result.admin.email} created for ${result.organisation.name} (/p/${result.organisation.slug}).`,
        );
      });
      return;
    }
    case 'export': {
      await exportCommand(rest);
      return;
    }
    case 'worker': {
      const services = await openServices(config, { worker: true });
      log(`Worker running on ${services.database.kind}. Stop with Ctrl+C.`);
      onShutdown(() => closeServices(services));
      return;
    }
    case 'serve':
    case 'start': {
      const services = await openServices(config, { worker: config.inProcessWorker });
      let signIns: { role: string; email: string; password: string }[] = [];
      if (command === 'start') {
        const report = await seedDemo(services.db, (step) => log(`  seeding: ${step}`));
        signIns = report.signIns;
        buildWebIfMissing(config.webDist);
      }
      await serve(services);
      const url = `http://${config.host}:${config.port}`;
      log('');
      log(
        `Créneau is running on ${url}  (database: ${services.database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
      );
      log(
        `  Admin interface: ${url}/admin    Public portal: ${url}/p/clinique-plateau    API: ${url}/api/docs`,
      );
      for (const signIn of signIns) log(`  ${signIn.role}: ${signIn.email} / ${signIn.password}`);
      return;
    }
    default:
      log(USAGE);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.fields.map(
      (field) => `${field.path}: ${translate('en', `fields.${field.code}`, field.params)}`,
    );
    process.stderr.write(`${translate('en', `errors.${error.code}`)} ${fields.join('; ')}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
