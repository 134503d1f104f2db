// U1: contact normalisation rules (E.164 phones, lower-case emails, real birth dates).
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { defaultCountryFor, normaliseBirthDate, normaliseEmail, normalisePhone } from './contact.ts';

describe('contact normalisation', () => {
  it('U1: phone numbers are stored in E.164, read in the organisation’s country', () => {
    expect(normalisePhone('514 555 0101', 'CA', 'mobilePhone', 'mobile')).toBe('+15145550101');
    expect(normalisePhone('(514) 555-0101', 'CA', 'mobilePhone', 'any')).toBe('+15145550101');
    expect(normalisePhone('06 12 34 56 78', 'FR', 'mobilePhone', 'mobile')).toBe('+33612345678');
    expect(normalisePhone('+33 6 12 34 56 78', 'CA', 'mobilePhone', 'mobile')).toBe('+33612345678');
    expect(normalisePhone('', 'CA', 'mobilePhone', 'mobile')).toBeNull();
  });

  it('U1: an invalid number or a French landline as mobile is refused naming the field', () => {
    const invalid = (() => {
      try {
        normalisePhone('12', 'CA', 'mobilePhone', 'mobile');
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(invalid?.fields[0]).toMatchObject({ path: 'mobilePhone', code: 'phone' });
    expect(() => normalisePhone('01 42 00 00 00', 'FR', 'mobilePhone', 'mobile')).toThrow(AppError);
    expect(normalisePhone('01 42 00 00 00', 'FR', 'otherPhone', 'any')).toBe('+33142000000');
  });

  it('U1: emails are trimmed and lower-cased; birth dates must be real past dates', () => {
    expect(normaliseEmail('  Eloise.T@Example.COM ')).toBe('eloise.t@example.com');
    expect(normaliseEmail('  ')).toBeNull();
    expect(normaliseBirthDate('1984-02-29')).toBe('1984-02-29');
    expect(() => normaliseBirthDate('1985-02-29')).toThrow(AppError);
    expect(() => normaliseBirthDate('2999-01-01')).toThrow(AppError);
  });

  it('reads the default country from the organisation’s phone, then its time zone', () => {
    expect(defaultCountryFor({ phone: '+33142000000', timeZone: 'America/Toronto' })).toBe('FR');
    expect(defaultCountryFor({ phone: null, timeZone: 'Europe/Paris' })).toBe('FR');
    expect(defaultCountryFor({ phone: null, timeZone: 'America/Toronto' })).toBe('CA');
  });
});
