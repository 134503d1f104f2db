// A1 second factor, pure part: codes match the RFC 6238 reference, a used step is refused, clock drift of
// one step is tolerated, recovery codes are readable and normalised.
import { describe, expect, it } from 'vitest';
import {
  looksLikeRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpCodeAt,
  totpUri,
} from './totp.ts';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (SHA-1), base32-encoded.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('A1: TOTP codes', () => {
  it('A1: codes are those of the RFC 6238 test vectors (6 digits)', () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('A1: a code is accepted once: the same step again is refused', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-07T10:00:10Z');
    const code = totpCodeAt(secret, at);
    const step = matchTotpStep(secret, code, at, null);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(matchTotpStep(secret, code, at, step!)).toBeUndefined();
  });

  it('A1: a phone one step off still works, two steps off does not', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-07T10:00:10Z');
    expect(
      matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at, null),
    ).toBeDefined();
    expect(
      matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at, null),
    ).toBeDefined();
    expect(
      matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 90_000)), at, null),
    ).toBeUndefined();
  });

  it('A1: spaces are ignored, anything but six digits is refused', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-07T10:00:10Z');
    const code = totpCodeAt(secret, at);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toBeDefined();
    expect(matchTotpStep(secret, `${code}0`, at, null)).toBeUndefined();
    expect(matchTotpStep(secret, 'abcdef', at, null)).toBeUndefined();
  });

  it('A1: the URI carries the issuer, the address and the secret for the QR code', () => {
    const uri = totpUri(RFC_SECRET, 'dr.roy@example.test', 'Créneau');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(decodeURIComponent(uri)).toContain('Créneau:dr.roy@example.test');
  });

  it('A1: ten distinct recovery codes without look-alike characters, matched however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
      expect(looksLikeRecoveryCode(code.toLowerCase().replace('-', ' '))).toBe(true);
    }
    expect(normaliseRecoveryCode(' k7qf-2mzd ')).toBe('K7QF2MZD');
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
