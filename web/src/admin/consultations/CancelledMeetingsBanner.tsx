// V5 (seed 003): "a banner will confirm that the meeting(s) cancelled" — and says that whoever only received
// the link was not told. Shown by the Consultations tab and the schedule's meeting drawer.
import { Alert } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CancelledMeetings } from './CancelMeetingModal';

export function CancelledMeetingsBanner({
  result,
  onClose,
}: {
  result: CancelledMeetings;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      role="status"
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden="true" />}
      title={t('meetings.cancel.done', { count: result.cancelled.length })}
      // Even the darkest green is too pale on the alert's tint for WCAG AA: the title is written in dark.
      styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
      withCloseButton={onClose !== undefined}
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      {result.isPatientNotified ? t('meetings.cancel.patientNotified') : t('meetings.cancel.notNotified')}
    </Alert>
  );
}
