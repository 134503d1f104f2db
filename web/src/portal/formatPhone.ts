// Phone numbers are stored in E.164 (+15145550100); people read them in their national format.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export function formatPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatNational() ?? phone;
}
