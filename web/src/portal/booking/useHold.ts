// S10: the hold of the slot being booked. Holding pushes a `slot` entry into the address so the browser's
// Back button returns to the slots; whichever way the person leaves the form (Back, "change time", another
// page, closing the tab), the hold is released at once rather than left to expire.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { unwrap } from '../../api/client';
import { portalApi, releaseHold } from '../portalClient';
import type { Hold, PublicSlot } from './types';

export const SLOT_PARAM = 'slot';

export function useHold(slug: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [hold, setHold] = useState<Hold | null>(null);
  const holdRef = useRef<Hold | null>(null);
  holdRef.current = hold;
  const hasSlotParam = searchParams.has(SLOT_PARAM);

  /** Holds a slot (throws an ApiError when it was taken meanwhile) and moves to the form. */
  const take = useCallback(
    async (serviceId: string, slot: PublicSlot) => {
      const reply = await unwrap(
        portalApi.POST('/api/v1/public/organisations/{slug}/holds', {
          params: { path: { slug } },
          body: {
            // No provider: the server takes any provider free at that time (the week strip shows times).
            serviceId,
            locationId: slot.locationId,
            startsAt: slot.startsAt,
          },
        }),
      );
      const taken = { ...reply, serviceId };
      holdRef.current = taken;
      setHold(taken);
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(SLOT_PARAM, reply.startsAt);
          return next;
        },
        { replace: false },
      );
    },
    [slug, setSearchParams],
  );

  /** Forgets the hold without releasing it (it became the appointment, or the server dropped it). */
  const forget = useCallback(() => {
    holdRef.current = null;
    setHold(null);
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(SLOT_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [setSearchParams]);

  /** The hold became the appointment: nothing to release any more. */
  const consume = useCallback(() => {
    holdRef.current = null;
  }, []);

  // Back (the `slot` entry left the address): release. A reload lost the hold: drop the stale entry.
  useEffect(() => {
    const current = holdRef.current;
    if (!hasSlotParam && current) {
      releaseHold(current.token);
      holdRef.current = null;
      setHold(null);
    } else if (hasSlotParam && !current) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete(SLOT_PARAM);
          return next;
        },
        { replace: true },
      );
    }
  }, [hasSlotParam, setSearchParams]);

  // Leaving the page or the site releases the hold too.
  useEffect(() => {
    const onPageHide = () => {
      if (holdRef.current) releaseHold(holdRef.current.token);
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      onPageHide();
    };
  }, []);

  return { hold: hasSlotParam ? hold : null, take, forget, consume };
}
