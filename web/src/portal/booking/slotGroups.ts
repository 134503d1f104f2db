// Pure shaping of the public slot list for the week strip: slots grouped by the organisation's calendar date,
// one button per start time (and location, when the person sees every location) whichever provider is free.
import { localDate } from './orgTime';
import type { PublicSlot } from './types';

export function groupSlotsByDate(
  slots: PublicSlot[],
  timeZone: string,
  options: { byLocation: boolean },
): Map<string, PublicSlot[]> {
  const byDate = new Map<string, PublicSlot[]>();
  const seen = new Set<string>();
  const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const slot of sorted) {
    const key = options.byLocation ? `${slot.startsAt}|${slot.locationId ?? ''}` : slot.startsAt;
    if (seen.has(key)) continue;
    seen.add(key);
    const date = localDate(slot.startsAt, timeZone);
    const list = byDate.get(date) ?? [];
    list.push(slot);
    byDate.set(date, list);
  }
  return byDate;
}
