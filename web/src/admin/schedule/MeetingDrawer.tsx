// V1/V3/V5 from the Schedule tab (seed 003, "Step 1 — select the meeting from the Week or Day view"): a
// video meeting opened from the calendar — host's or one the provider is invited to — with its link, ID and
// passcode, the invitees' answers, accept/decline for an invitee, and the red "X Cancel meeting" with the
// choice "this meeting only / all meetings in this series". After a cancellation the drawer shows the
// banner: whoever only received the link was not notified.
import { Anchor, Badge, Box, Button, Drawer, em, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconVideo, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { CancelledMeetingsBanner } from '../consultations/CancelledMeetingsBanner';
import { type CancelledMeetings, CancelMeetingModal } from '../consultations/CancelMeetingModal';
import { formatMeetingCode } from '../consultations/meetingForm';
import { useOrganisation } from '../session';
import { formatDateTime } from '../users/format';

type Props = { meetingId: string; onClose: () => void; onChanged: () => void };

export function MeetingDrawer({ meetingId, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { organisationId, timeZone } = useOrganisation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [isCancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState<CancelledMeetings>();
  const answer = useApiAction();
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/meetings/{meetingId}', {
          params: { path: { orgId: organisationId, meetingId } },
        }),
      ),
    [organisationId, meetingId],
  );
  const meeting = loader.data;
  const changed = () => {
    loader.reload();
    onChanged();
  };
  const respond = (response: 'accepted' | 'declined') =>
    answer
      .run(() =>
        unwrap(
          api.POST('/api/v1/orgs/{orgId}/meetings/{meetingId}/response', {
            params: { path: { orgId: organisationId, meetingId } },
            body: { response, scope: 'this' },
          }),
        ),
      )
      .then((isDone) => isDone && changed());

  const serviceName = meeting
    ? i18n.language === 'fr'
      ? meeting.service.nameFr
      : meeting.service.nameEn
    : '';
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        <Title order={2} size="h3">
          {meeting?.title ?? (serviceName || t('schedule.meeting.title'))}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={loader.error} />
      {!meeting && loader.isLoading && <PageLoader />}
      {cancelled && (
        <Box mb="md">
          <CancelledMeetingsBanner result={cancelled} />
        </Box>
      )}
      {meeting && (
        <Stack gap="md">
          <Group gap="xs">
            <IconVideo size={18} aria-hidden="true" />
            <Text fw={600}>{formatDateTime(meeting.startsAt, i18n.language, timeZone)}</Text>
            {meeting.state === 'cancelled' && (
              <Badge variant="light" color="red" c="red.9">
                {t('schedule.meeting.cancelled')}
              </Badge>
            )}
          </Group>
          <Table variant="vertical" withTableBorder aria-label={t('schedule.meeting.details')}>
            <Table.Tbody>
              <Row label={t('schedule.meeting.service')} value={serviceName} />
              <Row
                label={t('schedule.meeting.host')}
                value={`${meeting.host.firstName} ${meeting.host.lastName}`}
              />
              {meeting.patient && (
                <Row
                  label={t('schedule.meeting.patient')}
                  value={`${meeting.patient.firstName} ${meeting.patient.lastName}`}
                />
              )}
              <Row label={t('schedule.meeting.code')} value={formatMeetingCode(meeting.meetingCode)} />
              <Row label={t('schedule.meeting.passcode')} value={meeting.passcode} />
            </Table.Tbody>
          </Table>
          <Anchor href={meeting.joinUrl} target="_blank" rel="noopener noreferrer" w="fit-content">
            {t('schedule.meeting.join')}
          </Anchor>
          <Invitees invitations={meeting.invitations} />
          <ErrorAlert error={answer.error} />
          <Group gap="sm">
            {meeting.state === 'booked' && meeting.myInvitation && meeting.myInvitation !== 'accepted' && (
              <Button
                variant="light"
                leftSection={<IconCheck size={16} aria-hidden="true" />}
                loading={answer.isPending}
                onClick={() => void respond('accepted')}
              >
                {t('schedule.meeting.accept')}
              </Button>
            )}
            {meeting.state === 'booked' && meeting.myInvitation && meeting.myInvitation !== 'declined' && (
              <Button variant="default" loading={answer.isPending} onClick={() => void respond('declined')}>
                {t('schedule.meeting.decline')}
              </Button>
            )}
            {meeting.canCancel && (
              <Button
                color="red"
                leftSection={<IconX size={16} aria-hidden="true" />}
                onClick={() => setCancelling(true)}
              >
                {t('meetings.cancel.button')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <CancelMeetingModal
        organisationId={organisationId}
        meeting={isCancelling ? meeting : undefined}
        onClose={() => setCancelling(false)}
        onCancelled={(result) => {
          setCancelling(false);
          setCancelled(result);
          changed();
        }}
      />
    </Drawer>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

type Invitation = {
  staffId: string;
  firstName: string;
  lastName: string;
  status: 'pending' | 'accepted' | 'declined';
};
const STATUS_COLOUR = { pending: 'gray', accepted: 'green', declined: 'red' } as const;

function Invitees({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation();
  if (!invitations.length) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('schedule.meeting.invitees')}
      </Title>
      {invitations.map((invitation) => (
        <Group key={invitation.staffId} gap="xs">
          <Text size="sm">
            {invitation.firstName} {invitation.lastName}
          </Text>
          <Badge
            size="sm"
            variant="light"
            color={STATUS_COLOUR[invitation.status]}
            c={invitation.status === 'accepted' ? 'dark.8' : `${STATUS_COLOUR[invitation.status]}.9`}
          >
            {t(`schedule.meeting.invitation.${invitation.status}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
