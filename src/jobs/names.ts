// The typed map of job names to payloads. Areas add their jobs here; the worker registers handlers by name.
export type JobPayloads = {
  /** Deletes expired staff sessions (runs on a schedule). */
  'sessions.purge-expired': Record<string, never>;
};

export type JobName = keyof JobPayloads;

export const JOB_NAMES: readonly JobName[] = ['sessions.purge-expired'];
