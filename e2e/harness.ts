// Browser-test harness: builds the web app if needed, serves Créneau with the demo on a fresh in-memory
// database on a free port, and drives Debian's Chromium through playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Services } from '../src/context.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { type App, buildApp } from '../src/http/app.ts';
import { startBoss } from '../src/jobs/boss.ts';
import { startWorker } from '../src/jobs/worker.ts';
import { seedDemo } from '../src/seed/demo.ts';

export const RESULTS_DIR = path.resolve('test-results');

export type Harness = {
  app: App;
  services: Services;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
};

function ensureWebBuilt(webDist: string) {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

export async function startHarness(): Promise<Harness> {
  const config = { ...loadConfig({}), cookieSecure: false, host: '127.0.0.1' };
  ensureWebBuilt(config.webDist);
  const database = await openDatabase({ dataDir: 'memory://' });
  await runMigrations(database);
  const boss = await startBoss(database, { supervise: false });
  const services: Services = { config, database, db: database.db, boss };
  await startWorker(services);
  await seedDemo(services.db, undefined, { activity: false });
  const app = await buildApp(services, { serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  services.config.publicUrl = baseUrl;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    app,
    services,
    baseUrl,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await boss.stop({ graceful: false, close: true, timeout: 2000 });
      await database.close();
    },
  };
}

export async function newPage(
  harness: Harness,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'fr-CA',
  });
  const page = await context.newPage();
  return { context, page };
}

export function screenshotPath(name: string): string {
  return path.join(RESULTS_DIR, `${name}.png`);
}

/** WCAG 2.1 AA (P5) by axe on the page, or only on the part a journey owns (`include`, a selector). */
export async function expectAccessible(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const axe = await (include ? builder.include(include) : builder).analyze();
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.nodes.map((node) => `${node.target.join(' ')} ${node.html}`).join(' | ')}`,
    ),
  ).toEqual([]);
}

/** The link matching `pattern` in the latest email that `latest` reads, once the worker has written it. */
export async function pollEmailedLink(
  latest: () => Promise<{ bodyText: string | null; subject: string | null } | undefined>,
  pattern: RegExp,
): Promise<{ link: string; subject: string | null }> {
  let found = { link: '', subject: null as string | null };
  await expect
    .poll(
      async () => {
        const row = await latest();
        found = { link: pattern.exec(row?.bodyText ?? '')?.[0] ?? '', subject: row?.subject ?? null };
        return found.link;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  return found;
}
