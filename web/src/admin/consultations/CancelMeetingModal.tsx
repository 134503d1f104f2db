// V5 (seed 003): cancelling a video meeting, from the Consultations tab or the schedule. A meeting of a
// series offers "this meeting only" or "all meetings in this series"; "also notify the patient" is offered
// when a patient with a contact is on it. The warning says that whoever only received the link is not
// notified; after the cancellation the page shows the banner (`onCancelled` gets the server's answer).
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiAction } from '../../components/useApiAction';

export type CancelledMeetings = ResponseBody<'/api/v1/orgs/{orgId}/meetings/{meetingId}/cancel', 'post'>;

export type CancellableMeeting = {
  id: string;
  seriesId: string | null;
  upcomingInSeries: number;
  patient: { firstName: string; lastName: string; hasContact: boolean } | null;
};

type Props = {
  organisationId: string;
  meeting: CancellableMeeting | undefined;
  onClose: () => void;
  onCancelled: (result: CancelledMeetings) => void;
};

export function CancelMeetingModal({ organisationId, meeting, onClose, onCancelled }: Props) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'this' | 'series'>('this');
  const [notifyUser, setNotifyUser] = useState(false);
  const { run, isPending, error, reset } = useApiAction();
  const isSeries = Boolean(meeting?.seriesId) && (meeting?.upcomingInSeries ?? 0) > 1;
  const patient = meeting?.patient;

  const close = () => {
    setScope('this');
    setNotifyUser(false);
    reset();
    onClose();
  };

  const confirm = async () => {
    if (!meeting) return;
    let result: CancelledMeetings | undefined;
    const isDone = await run(async () => {
      result = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/meetings/{meetingId}/cancel', {
          params: { path: { orgId: organisationId, meetingId: meeting.id } },
          body: { scope: isSeries ? scope : 'this', notifyUser },
        }),
      );
    });
    if (isDone && result) {
      setScope('this');
      setNotifyUser(false);
      onCancelled(result);
    }
  };

  return (
    <Modal
      opened={meeting !== undefined}
      onClose={close}
      title={t('meetings.cancel.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">{t('meetings.cancel.intro')}</Text>
        {isSeries && (
          <Radio.Group
            label={t('meetings.cancel.scopeLabel')}
            value={scope}
            onChange={(value) => setScope(value as 'this' | 'series')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="this" label={t('meetings.cancel.thisOnly')} />
              <Radio
                value="series"
                label={t('meetings.cancel.series', { count: meeting?.upcomingInSeries ?? 0 })}
              />
            </Stack>
          </Radio.Group>
        )}
        {patient?.hasContact && (
          <Checkbox
            checked={notifyUser}
            onChange={(event) => setNotifyUser(event.currentTarget.checked)}
            label={t('meetings.cancel.notifyPatient', { name: `${patient.firstName} ${patient.lastName}` })}
            description={t('meetings.cancel.notifyPatientHint')}
          />
        )}
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('meetings.cancel.linkWarning')}
        </Alert>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('meetings.cancel.keep')}
          </Button>
          <Button
            color="red"
            loading={isPending}
            onClick={confirm}
            leftSection={<IconX size={16} aria-hidden="true" />}
          >
            {t('meetings.cancel.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
