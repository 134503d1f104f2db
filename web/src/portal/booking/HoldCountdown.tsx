// S10: how long the picked slot stays held. The visible line counts down in whole minutes; screen readers
// hear it politely only when the hold starts, at 2 minutes and 1 minute left, and when it ends — not every
// tick (WCAG 4.1.3 without flooding the person while they type).
import { Alert, Text, VisuallyHidden } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const TICK_MS = 5_000;
const ANNOUNCED_MINUTES = new Set([2, 1]);

export function minutesLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 60_000));
}

export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const minutes = minutesLeft(expiresAt, now);
  // The live region starts empty and is filled after mounting, so the start of the hold is announced too.
  const [announced, setAnnounced] = useState('');
  const [hasStarted, setStarted] = useState(false);

  useEffect(() => {
    if (!hasStarted) {
      setStarted(true);
      setAnnounced(t('portal.booking.heldFor', { count: minutes }));
    } else if (minutes === 0) setAnnounced(t('portal.booking.holdExpired'));
    else if (ANNOUNCED_MINUTES.has(minutes)) setAnnounced(t('portal.booking.heldFor', { count: minutes }));
  }, [minutes, hasStarted, t]);

  const isEnded = minutes === 0;
  return (
    <>
      <Alert
        variant="light"
        color={isEnded ? 'orange' : 'blue'}
        icon={<IconHourglass aria-hidden="true" />}
        role="note"
      >
        <Text size="sm" c="dark.9">
          {isEnded ? t('portal.booking.holdExpired') : t('portal.booking.heldFor', { count: minutes })}
        </Text>
      </Alert>
      <VisuallyHidden role="status" aria-live="polite">
        {announced}
      </VisuallyHidden>
    </>
  );
}
