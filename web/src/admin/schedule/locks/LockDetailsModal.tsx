// S5: a red lock clicked on the calendar — its time and reason, and Unlock (DELETE /locks/{id}) for
// admins and agents.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import { lockReason, type ScheduleLock } from '../scheduleEvents';
import { formatPeriod } from '../zonedTime';

type Props = {
  organisationId: string;
  lock: ScheduleLock;
  timeZone: string;
  canUnlock: boolean;
  onClose: () => void;
  onUnlocked: () => void;
};

export function LockDetailsModal({ organisationId, lock, timeZone, canUnlock, onClose, onUnlocked }: Props) {
  const { t, i18n } = useTranslation();
  const { run, isPending, error } = useApiAction();

  const unlock = async () => {
    const isDone = await run(() =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/locks/{lockId}', {
          params: { path: { orgId: organisationId, lockId: lock.id } },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t('schedule.lock.unlocked'));
      onUnlocked();
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schedule.lock.detailsTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text>{formatPeriod(lock.startsAt, lock.endsAt, timeZone, i18n.language)}</Text>
        <Text size="sm">
          {t('schedule.lock.reasonValue', {
            reason: lock.reason ? lockReason(lock.reason, t) : t('schedule.lock.noReason'),
          })}
        </Text>
        {!canUnlock && (
          <Text size="sm" c="dimmed">
            {t('schedule.lock.onlyManagers')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          {canUnlock && (
            <Button
              color="red.9"
              leftSection={<IconLockOpen size={16} aria-hidden="true" />}
              loading={isPending}
              onClick={() => void unlock()}
            >
              {t('schedule.lock.unlock')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
