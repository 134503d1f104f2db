// A5 `creneau export`: an organisation's user records or appointments (one row per participant, as in the
// Reports CSV) written as CSV (UTF-8 with BOM, so Excel shows the accents) to a file or standard output,
// streamed batch by batch with the writer's back-pressure respected, and progress reported as it goes.
// Runs on the server with direct database access: it is an operator's tool, not a staff route.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { getOrganisationBySlug } from '../accounts/queries.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Language } from '../db/schema.ts';
import { AppError, fieldError } from '../errors.ts';
import { countAppointmentRows, exportAppointmentsCsv, type ReportFilter } from '../reports/queries.ts';
import { dayBounds } from '../scheduling/slots.ts';
import { countExportedUsers, exportUsersCsv } from '../users/export.ts';

export const EXPORT_KINDS = ['users', 'appointments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportOptions = {
  organisationSlug: string;
  what: ExportKind;
  /** Local dates (YYYY-MM-DD) in the organisation's time zone, both included; appointments only. */
  from?: string;
  to?: string;
  /** Headers and statuses; the organisation's default language when absent. */
  language?: Language;
};

export type ExportProgress = { written: number; total: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Without a period, appointments of every date (long before and after anything a clinic books). */
const ALL_FROM = '2000-01-01';
const ALL_TO = '2099-12-31';

function period(options: ExportOptions, timeZone: string): { from: Date; to: Date } {
  const from = options.from ?? ALL_FROM;
  const to = options.to ?? ALL_TO;
  if (!DATE.test(from) || Number.isNaN(Date.parse(from))) throw fieldError('from', 'date');
  if (!DATE.test(to) || Number.isNaN(Date.parse(to))) throw fieldError('to', 'date');
  if (to < from) throw fieldError('to', 'period');
  return { from: new Date(dayBounds(from, timeZone).start), to: new Date(dayBounds(to, timeZone).end) };
}

/** Writes the export to `output`; returns how many rows it holds. */
export async function runExport(
  db: DbOrTx,
  options: ExportOptions,
  output: Writable,
  onProgress: (progress: ExportProgress) => void = () => {},
): Promise<{ rows: number; organisationName: string }> {
  if (!EXPORT_KINDS.includes(options.what)) throw fieldError('what', 'invalid');
  const organisation = await getOrganisationBySlug(db, options.organisationSlug).catch((error: unknown) => {
    throw error instanceof AppError ? fieldError('org', 'unknown_organisation') : error;
  });
  const language = options.language ?? organisation.defaultLanguage;
  const progress = { written: 0, total: 0 };
  const onRows = (count: number) => {
    progress.written += count;
    onProgress({ ...progress });
  };
  let chunks: AsyncGenerator<string>;
  if (options.what === 'users') {
    progress.total = await countExportedUsers(db, organisation.id);
    chunks = exportUsersCsv(db, organisation.id, language, { onRows });
  } else {
    const filter: ReportFilter = {
      organisationId: organisation.id,
      timeZone: organisation.timeZone,
      ...period(options, organisation.timeZone),
    };
    progress.total = await countAppointmentRows(db, filter);
    chunks = exportAppointmentsCsv(db, filter, language, onRows);
  }
  onProgress({ ...progress });
  for await (const chunk of chunks) {
    if (!output.write(chunk)) await once(output, 'drain');
  }
  return { rows: progress.written, organisationName: organisation.name };
}
