// Cancel an appointment for all its participants (POST /appointments/{id}/cancel), optionally putting a
// red lock on the freed time (off by default) so the public cannot take it.
import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';

type Props = {
  organisationId: string;
  appointmentId: string;
  onClose: () => void;
  onCancelled: () => void;
};

export function CancelAppointmentModal({ organisationId, appointmentId, onClose, onCancelled }: Props) {
  const { t } = useTranslation();
  const [lockSlot, setLockSlot] = useState(false);
  const { run, isPending, error } = useApiAction();

  const confirm = async () => {
    const isDone = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/appointments/{appointmentId}/cancel', {
          params: { path: { orgId: organisationId, appointmentId } },
          body: { lockSlot },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(lockSlot ? t('schedule.cancel.doneLocked') : t('schedule.cancel.done'));
      onCancelled();
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('schedule.cancel.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      zIndex={400}
    >
      <Stack gap="md">
        <Text size="sm">{t('schedule.cancel.intro')}</Text>
        <ErrorAlert error={error} />
        <Switch
          label={t('schedule.cancel.lockSlot')}
          description={t('schedule.cancel.lockSlotHint')}
          checked={lockSlot}
          onChange={(event) => setLockSlot(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('schedule.cancel.keep')}
          </Button>
          <Button color="red.9" loading={isPending} onClick={() => void confirm()}>
            {t('schedule.cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
