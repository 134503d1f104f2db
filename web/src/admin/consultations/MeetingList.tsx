// The "Active and Pending" tabs of the Consultations page: each section under its heading, the meetings in
// time order or a sentence saying there are none; the Pending tab counts the invitations awaiting an answer.
import { Badge, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingCard } from './MeetingCard';
import type { Meeting } from './meetingForm';

type CardProps = {
  organisationId: string;
  timeZone: string;
  onCancel: (meeting: Meeting) => void;
  onAnswered: () => void;
};
type Props = CardProps & { heading: string; emptyText: string; meetings: Meeting[] };

export function MeetingList({ heading, emptyText, meetings, ...cardProps }: Props) {
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {heading}
      </Title>
      {meetings.length === 0 ? (
        <Text>{emptyText}</Text>
      ) : (
        meetings.map((meeting) => <MeetingCard key={meeting.id} meeting={meeting} {...cardProps} />)
      )}
    </Stack>
  );
}

export function MeetingTabs({
  active,
  pending,
  ...cardProps
}: CardProps & { active: Meeting[]; pending: Meeting[] }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('active');
  const count = pending.length > 0 && (
    <Badge size="sm" circle>
      {pending.length}
    </Badge>
  );
  return (
    <Tabs value={tab} onChange={setTab}>
      <Tabs.List aria-label={t('meetings.page.tabs')}>
        <Tabs.Tab value="active">{t('meetings.page.activeTab')}</Tabs.Tab>
        <Tabs.Tab value="pending" rightSection={count}>
          {t('meetings.page.pendingTab')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="active" pt="md">
        <MeetingList
          heading={t('meetings.page.activeHeading')}
          emptyText={t('meetings.page.activeEmpty')}
          meetings={active}
          {...cardProps}
        />
      </Tabs.Panel>
      <Tabs.Panel value="pending" pt="md">
        <MeetingList
          heading={t('meetings.page.pendingHeading')}
          emptyText={t('meetings.page.pendingEmpty')}
          meetings={pending}
          {...cardProps}
        />
      </Tabs.Panel>
    </Tabs>
  );
}
