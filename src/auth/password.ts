// Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane).
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { fieldError } from '../errors.ts';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 10;

/** The password rule of every account someone chooses a password for: a 400 naming the field otherwise. */
export function assertStrongPassword(password: string, path = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw fieldError(path, 'minLength', { limit: MIN_PASSWORD_LENGTH });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}
