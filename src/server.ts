// Process lifecycle: open the database, migrate, start pg-boss (and the in-process worker), serve HTTP,
// and shut everything down gracefully on SIGTERM/SIGINT.
import type { Config } from './config.ts';
import type { Services } from './context.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { type App, buildApp } from './http/app.ts';
import { startBoss } from './jobs/boss.ts';
import { startWorker } from './jobs/worker.ts';

export async function openServices(config: Config, options: { worker: boolean }): Promise<Services> {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  const boss = await startBoss(database, {
    supervise: options.worker,
    queue: {
      retryLimit: config.notifyRetryLimit,
      retryDelaySeconds: config.notifyRetryDelaySeconds,
      expireSeconds: config.jobExpireSeconds,
      superviseSeconds: config.bossSuperviseSeconds,
    },
  });
  const services: Services = { config, database, db: database.db, boss };
  if (options.worker) services.transports = await startWorker(services);
  return services;
}

export async function closeServices(services: Services): Promise<void> {
  await services.boss.stop({ graceful: true, timeout: 10_000, close: true }).catch(() => {});
  services.transports?.close();
  await services.database.close();
}

export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      if (closing) return;
      closing = true;
      const timer = setTimeout(() => process.exit(1), 20_000);
      timer.unref();
      await close();
      process.exit(0);
    });
  }
}

export async function serve(services: Services): Promise<App> {
  const app = await buildApp(services, { logger: true, serveWeb: true });
  await app.listen({ port: services.config.port, host: services.config.host });
  onShutdown(async () => {
    app.log.info('shutting down');
    await app.close();
    await closeServices(services);
  });
  return app;
}
