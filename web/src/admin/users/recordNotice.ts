// What a page that sends staff to a record page tells it (router state): why they arrived and the warnings
// of the change that was just made.
import type { EmailInUse } from './types';

export type RecordNotice = {
  notice: 'created' | 'merged' | 'redirected';
  emailInUse?: EmailInUse;
};

export function readRecordNotice(state: unknown): RecordNotice | undefined {
  const notice = (state as { notice?: unknown } | null)?.notice;
  if (notice !== 'created' && notice !== 'merged' && notice !== 'redirected') return undefined;
  const emailInUse = (state as { emailInUse?: unknown }).emailInUse;
  return { notice, emailInUse: Array.isArray(emailInUse) ? (emailInUse as EmailInUse) : [] };
}
