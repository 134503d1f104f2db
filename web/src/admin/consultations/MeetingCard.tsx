// One video meeting on the Consultations tab (V6): when (on the organisation's clock), how long, its title
// or service, host, invited providers with their answers, patient, meeting ID and passcode; the Join link, a
// button copying the details to share, the red "X Cancel meeting" when allowed, and Accept / Decline on an
// invitation awaiting my answer.
import { Badge, Button, Card, CopyButton, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconX } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../schedule/zonedTime';
import { formatMeetingCode, type Meeting, meetingMinutes, meetingName, personName } from './meetingForm';
import { RespondToInvitation } from './RespondToInvitation';

type Props = {
  organisationId: string;
  timeZone: string;
  meeting: Meeting;
  onCancel: (meeting: Meeting) => void;
  onAnswered: () => void;
};

// Light badges with the darkest shade of their colour as text: readable (WCAG AA) on the tinted background.
const STATUS_COLOUR = { pending: 'gray', accepted: 'green', declined: 'red' } as const;

export function MeetingCard({ organisationId, timeZone, meeting, onCancel, onAnswered }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const name = meetingName(meeting, i18n.language);
  const when = formatPeriod(meeting.startsAt, meeting.endsAt, timeZone, i18n.language);
  const code = formatMeetingCode(meeting.meetingCode);
  const details = t('meetings.list.copyText', {
    name,
    when,
    url: meeting.joinUrl,
    code,
    passcode: meeting.passcode,
  });
  return (
    <Card withBorder component="article" aria-labelledby={titleId} padding="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={titleId}>
            {name}
          </Title>
          <Text fw={600}>{when}</Text>
          {meeting.seriesId && meeting.upcomingInSeries > 1 && (
            <Text size="sm">{t('meetings.list.series', { count: meeting.upcomingInSeries })}</Text>
          )}
        </div>
        <MeetingDetails meeting={meeting} code={code} />
        <Group gap="sm">
          <Button
            component="a"
            href={meeting.joinUrl}
            target="_blank"
            rel="noopener noreferrer"
            variant="light"
            leftSection={<IconExternalLink size={16} aria-hidden="true" />}
            aria-label={t('meetings.list.joinLabel', { name })}
          >
            {t('meetings.list.join')}
          </Button>
          <CopyButton value={details}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                onClick={copy}
                leftSection={
                  copied ? (
                    <IconCheck size={16} aria-hidden="true" />
                  ) : (
                    <IconCopy size={16} aria-hidden="true" />
                  )
                }
              >
                {copied ? t('meetings.list.copied') : t('meetings.list.copy')}
              </Button>
            )}
          </CopyButton>
          {meeting.canCancel && (
            <Button
              color="red"
              leftSection={<IconX size={16} aria-hidden="true" />}
              onClick={() => onCancel(meeting)}
            >
              {t('meetings.cancel.button')}
            </Button>
          )}
        </Group>
        {meeting.myInvitation === 'pending' && (
          <RespondToInvitation organisationId={organisationId} meeting={meeting} onAnswered={onAnswered} />
        )}
      </Stack>
    </Card>
  );
}

function MeetingDetails({ meeting, code }: { meeting: Meeting; code: string }) {
  const { t, i18n } = useTranslation();
  const service = i18n.language === 'en' ? meeting.service.nameEn : meeting.service.nameFr;
  const items: [string, ReactNode][] = [
    [t('meetings.list.duration'), t('meetings.list.minutes', { minutes: meetingMinutes(meeting) })],
    ...(meeting.title ? [[t('meetings.list.service'), service] as [string, string]] : []),
    [t('meetings.list.host'), personName(meeting.host)],
    [t('meetings.list.invitees'), <Invitees key="invitees" invitations={meeting.invitations} />],
    [t('meetings.list.patient'), meeting.patient ? personName(meeting.patient) : t('meetings.list.none')],
    [t('meetings.list.code'), code],
    [t('meetings.list.passcode'), meeting.passcode],
  ];
  return (
    <DataList labelWidth={180} gap="xs">
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function Invitees({ invitations }: { invitations: Meeting['invitations'] }) {
  const { t } = useTranslation();
  if (!invitations.length) return t('meetings.list.none');
  return (
    <Stack gap={4}>
      {invitations.map((invitation) => (
        <Group key={invitation.staffId} gap="xs">
          <span>{personName(invitation)}</span>
          <Badge
            size="sm"
            variant="light"
            color={STATUS_COLOUR[invitation.status]}
            c={invitation.status === 'accepted' ? 'dark.8' : `${STATUS_COLOUR[invitation.status]}.9`}
          >
            {t(`meetings.list.status.${invitation.status}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
