// A1 second factor, the pure part: TOTP secrets and codes (RFC 6238: SHA-1, 6 digits, 30 s, what every
// authenticator app reads), the otpauth:// URI the QR code carries, and single-use recovery codes. No
// database here: the actions decide which step was last used and which recovery codes are spent.
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** Steps accepted either side of now: a phone's clock a little off still works. */
const WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L: recovery codes are read from paper. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function totpOf(secret: string, label = '', issuer = '') {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits, base32), as authenticator apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What the QR code carries: `otpauth://totp/<issuer>:<email>?secret=…`. */
export function totpUri(secret: string, email: string, issuer: string): string {
  return totpOf(secret, email, issuer).toString();
}

/** The code an app shows at `at` (tests and the demo use it; the server never sends it). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/** Codes are typed with spaces ("123 456") or pasted: keep the digits only. */
export function normaliseTotpCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * The time step a code belongs to, if it is valid at `at` and newer than `lastStep` (a code, once
 * accepted, is refused the second time even within its 30 seconds), else undefined.
 */
export function matchTotpStep(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | undefined {
  const token = normaliseTotpCode(code);
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: at.getTime(), window: WINDOW_STEPS });
  if (delta === null) return undefined;
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** Ten codes like `K7QF-2MZD`, each usable once when the phone is lost. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
  });
}

/** Recovery codes compare upper-case without the dash or spaces, however they are typed. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether what was typed has the shape of a recovery code rather than an app code. */
export function looksLikeRecoveryCode(code: string): boolean {
  const normalised = normaliseRecoveryCode(code);
  return normalised.length === 8 && [...normalised].every((c) => RECOVERY_ALPHABET.includes(c));
}
