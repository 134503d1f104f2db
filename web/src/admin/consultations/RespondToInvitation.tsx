// V3 (seed 003, "Decline an invitation to join another provider's video meeting"): an invited provider's
// answer on a pending meeting — Accept or Decline, for this meeting or, in a series, every meeting of it
// still to come (POST /orgs/{orgId}/meetings/{meetingId}/response). A decline tells the host.
import { Button, Group, Radio, Stack } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import type { Meeting } from './meetingForm';

type Props = { organisationId: string; meeting: Meeting; onAnswered: () => void };
type Answer = 'accepted' | 'declined';

export function RespondToInvitation({ organisationId, meeting, onAnswered }: Props) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'this' | 'series'>('this');
  const [answering, setAnswering] = useState<Answer>();
  const { run, error } = useApiAction();
  const isSeries = Boolean(meeting.seriesId) && meeting.upcomingInSeries > 1;

  const respond = async (response: Answer) => {
    setAnswering(response);
    let count = 0;
    const isDone = await run(async () => {
      const reply = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/meetings/{meetingId}/response', {
          params: { path: { orgId: organisationId, meetingId: meeting.id } },
          body: { response, scope: isSeries ? scope : 'this' },
        }),
      );
      count = reply.appointmentIds.length;
    });
    setAnswering(undefined);
    if (!isDone) return;
    notifySuccess(
      t(response === 'accepted' ? 'meetings.respond.accepted' : 'meetings.respond.declined', { count }),
    );
    onAnswered();
  };

  return (
    <Stack gap="xs">
      {isSeries && (
        <Radio.Group
          label={t('meetings.respond.scopeLabel')}
          value={scope}
          onChange={(value) => setScope(value as 'this' | 'series')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="this" label={t('meetings.respond.this')} />
            <Radio value="series" label={t('meetings.respond.series', { count: meeting.upcomingInSeries })} />
          </Group>
        </Radio.Group>
      )}
      <ErrorAlert error={error} />
      <Group gap="sm">
        <Button
          leftSection={<IconCheck size={16} aria-hidden="true" />}
          loading={answering === 'accepted'}
          disabled={answering === 'declined'}
          onClick={() => void respond('accepted')}
        >
          {t('meetings.respond.accept')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} aria-hidden="true" />}
          loading={answering === 'declined'}
          disabled={answering === 'accepted'}
          onClick={() => void respond('declined')}
        >
          {t('meetings.respond.decline')}
        </Button>
      </Group>
    </Stack>
  );
}
