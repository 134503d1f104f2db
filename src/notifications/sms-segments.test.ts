// N2: SMS segment counting — French accents outside GSM-7 switch the message to UCS-2.
import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms-segments.ts';

describe('SMS segments', () => {
  it('N2: plain and GSM-7 accented text (é, è, à) stays GSM-7: 160 per single segment, 153 per part', () => {
    expect(smsSegments('Rendez-vous confirmé à 9 h, café offert')).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
    });
    expect(smsSegments('a'.repeat(160)).segments).toBe(1);
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it('N2: ê, ç or ô switch to UCS-2: 70 per single segment, 67 per part', () => {
    expect(smsSegments('Votre rendez-vous est arrêté')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments(`ç${'a'.repeat(69)}`).segments).toBe(1);
    expect(smsSegments(`ç${'a'.repeat(70)}`).segments).toBe(2);
    expect(smsSegments(`ç${'a'.repeat(134)}`).segments).toBe(3);
  });
});
