// /admin/consultations — the Consultations tab, "Active and Pending" (SPEC V1–V6, seed 003): upcoming video
// meetings (mine as host or accepted; the whole organisation for agents and admins) and the invitations
// awaiting my answer, with a count. "New meeting" opens the form; "X Cancel meeting" opens the shared
// cancel window, after which a banner confirms it and says that whoever only got the link was not told.
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconVideoPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useAdminSession, useOrganisation } from '../session';
import { CancelledMeetingsBanner } from './CancelledMeetingsBanner';
import { type CancelledMeetings, CancelMeetingModal } from './CancelMeetingModal';
import { MeetingTabs } from './MeetingList';
import type { Meeting } from './meetingForm';
import { NewMeetingModal } from './NewMeetingModal';

/** Both lists at once: the Pending tab shows its count while Active is open. */
function useMeetingLists(organisationId: string) {
  return useLoader(async () => {
    const list = (view: 'active' | 'pending') =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/meetings', {
          params: { path: { orgId: organisationId }, query: { view } },
        }),
      );
    const [active, pending] = await Promise.all([list('active'), list('pending')]);
    return { active, pending };
  }, [organisationId]);
}

/** What the New meeting form offers: the video services still in use and the organisation's providers. */
function useMeetingChoices(organisationId: string) {
  return useLoader(async () => {
    const path = { orgId: organisationId };
    const [services, providers] = await Promise.all([
      unwrap(api.GET('/api/v1/orgs/{orgId}/services', { params: { path } })),
      unwrap(api.GET('/api/v1/orgs/{orgId}/providers', { params: { path } })),
    ]);
    return { services: services.filter((service) => service.isVideo && !service.archivedAt), providers };
  }, [organisationId]);
}

export function ConsultationsPage() {
  const { t } = useTranslation();
  const { session } = useAdminSession();
  const { organisationId, role, timeZone } = useOrganisation();
  usePageTitle(t('meetings.page.title'));
  const [isCreating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<Meeting>();
  const [cancelled, setCancelled] = useState<CancelledMeetings>();
  const lists = useMeetingLists(organisationId);
  const choices = useMeetingChoices(organisationId);
  const hasVideoService = (choices.data?.services.length ?? 0) > 0;
  const listProps = {
    organisationId,
    timeZone,
    onCancel: (meeting: Meeting) => {
      setCancelled(undefined);
      setCancelling(meeting);
    },
    onAnswered: lists.reload,
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('meetings.page.title')}</Title>
        <Button
          leftSection={<IconVideoPlus size={18} aria-hidden="true" />}
          disabled={!hasVideoService}
          onClick={() => setCreating(true)}
        >
          {t('meetings.page.newMeeting')}
        </Button>
      </Group>
      <Text>{t('meetings.page.intro')}</Text>
      {choices.data && !hasVideoService && <NoVideoService />}
      {cancelled && <CancelledMeetingsBanner result={cancelled} onClose={() => setCancelled(undefined)} />}
      <ErrorAlert error={lists.error ?? choices.error} />
      {!lists.data && lists.isLoading && <PageLoader />}
      {lists.data && <MeetingTabs active={lists.data.active} pending={lists.data.pending} {...listProps} />}
      {isCreating && choices.data && (
        <NewMeetingModal
          organisationId={organisationId}
          timeZone={timeZone}
          services={choices.data.services}
          providers={choices.data.providers}
          host={{ canChoose: role === 'admin' || role === 'agent', myId: session.staff.id }}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            lists.reload();
          }}
        />
      )}
      <CancelMeetingModal
        organisationId={organisationId}
        meeting={cancelling}
        onClose={() => setCancelling(undefined)}
        onCancelled={(result) => {
          setCancelling(undefined);
          setCancelled(result);
          lists.reload();
        }}
      />
    </Stack>
  );
}

function NoVideoService() {
  const { t } = useTranslation();
  return (
    <Alert
      role="note"
      color="blue"
      variant="light"
      icon={<IconInfoCircle aria-hidden="true" />}
      title={t('meetings.page.noVideoTitle')}
    >
      <Text size="sm">{t('meetings.page.noVideo')}</Text>
      <Anchor component={Link} to="/admin/settings" size="sm">
        {t('meetings.page.openSettings')}
      </Anchor>
    </Alert>
  );
}
