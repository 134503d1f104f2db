// SMS segment count: GSM-7 messages fit 160 characters (153 per part when split); anything outside the
// GSM-7 alphabet (many French accents: ê, â, ô, ç…) switches to UCS-2, 70 characters (67 per part).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export function smsSegments(text: string): { encoding: SmsEncoding; segments: number; units: number } {
  let units = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) units += 1;
    else if (GSM_EXTENDED.includes(char)) units += 2;
    else return ucs2(text);
  }
  return { encoding: 'GSM-7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}

function ucs2(text: string) {
  // UCS-2 counts UTF-16 code units (an emoji takes two).
  const units = text.length;
  return { encoding: 'UCS-2' as const, units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
