// /admin/users/:userId: a user record — general information (edit), notification preferences (U4), possible
// duplicates with merge links (U8), portal invitation (U5), and tabs for history, appointments and, for
// admins, who viewed the record (A4). A merged-away record forwards to the kept one.
import { Anchor, Button, Card, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsJoin, IconBellOff, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganisation } from '../session';
import { AppointmentsPanel } from './AppointmentsPanel';
import { AuditPanel } from './AuditPanel';
import { DuplicateList, EmailInUseWarning } from './DuplicateWarnings';
import { useUserFormat } from './format';
import { GeneralSection } from './GeneralSection';
import { HistoryPanel } from './HistoryPanel';
import { InviteButton } from './InviteButton';
import { Notice } from './Notice';
import { PreferencesSection } from './PreferencesSection';
import { type RecordNotice, readRecordNotice } from './recordNotice';
import { loadUser } from './requests';
import { type EmailInUse, fullName, type SaveUserReply, type UserDetail } from './types';
import { UserTags } from './UserTags';

export function UserRecordPage() {
  const { userId = '' } = useParams();
  // Keyed by record: moving to another record (a link, a merge forward) starts the page afresh.
  return <RecordPage key={userId} userId={userId} />;
}

function RecordPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { organisationId } = useOrganisation();
  const [notice] = useState(() => readRecordNotice(location.state));
  const [emailInUse, setEmailInUse] = useState<EmailInUse>(notice?.emailInUse ?? []);
  const [revision, setRevision] = useState(0);
  const loader = useLoader(() => loadUser(organisationId, userId), [organisationId, userId]);
  const user = loader.data?.user;
  const keptId = loader.data?.keptId;
  usePageTitle(user ? fullName(user) : t('users.record.title'));

  useEffect(() => {
    if (!keptId) return;
    const state: RecordNotice = { notice: 'redirected' };
    navigate(`/admin/users/${keptId}`, { replace: true, state });
  }, [keptId, navigate]);

  const onSaved = (reply: SaveUserReply) => {
    loader.setData(
      (current) => current?.user && { user: { ...reply.user, duplicates: current.user.duplicates } },
    );
    setEmailInUse(reply.emailInUse);
    setRevision((value) => value + 1);
  };

  if (loader.error) return <ErrorAlert error={loader.error} />;
  if (!user) return <PageLoader />;
  return (
    <RecordContent
      user={user}
      notice={notice}
      emailInUse={emailInUse}
      revision={revision}
      onSaved={onSaved}
      onChanged={() => setRevision((value) => value + 1)}
    />
  );
}

type ContentProps = {
  user: UserDetail;
  notice: RecordNotice | undefined;
  emailInUse: EmailInUse;
  revision: number;
  onSaved: (reply: SaveUserReply) => void;
  onChanged: () => void;
};

function RecordContent({ user, notice, emailInUse, revision, onSaved, onChanged }: ContentProps) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const { organisationId, role } = useOrganisation();

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/users" size="sm" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t('users.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{fullName(user)}</Title>
          {user.birthDate && (
            <Text c="dimmed">{t('users.record.born', { date: format.birthDate(user.birthDate) })}</Text>
          )}
        </Stack>
        <Group gap="sm">
          <InviteButton organisationId={organisationId} user={user} onInvited={onChanged} />
          <Button
            component={Link}
            to={`/admin/users/merge?keepId=${user.id}`}
            variant="default"
            leftSection={<IconArrowsJoin size={16} aria-hidden="true" />}
          >
            {t('users.record.merge')}
          </Button>
        </Group>
      </Group>
      <UserTags
        organisationId={organisationId}
        userId={user.id}
        canEdit={role !== 'provider'}
        onChanged={onChanged}
      />
      {notice?.notice === 'redirected' && (
        <Notice role="status" color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
          {t('users.record.redirected')}
        </Notice>
      )}
      {user.warnings.includes('no_contact') && (
        <Notice
          role="note"
          color="orange"
          title={t('users.noContact.title')}
          icon={<IconBellOff aria-hidden="true" />}
        >
          {t('users.noContact.text')}
        </Notice>
      )}
      <EmailInUseWarning users={emailInUse} />
      <DuplicateList duplicates={user.duplicates} currentUserId={user.id} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <GeneralSection organisationId={organisationId} user={user} onSaved={onSaved} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PreferencesSection organisationId={organisationId} user={user} onSaved={onSaved} />
        </Grid.Col>
      </Grid>
      <Card withBorder padding="lg" radius="md">
        <Tabs defaultValue="history" keepMounted={false}>
          <Tabs.List aria-label={t('users.record.tabs')}>
            <Tabs.Tab value="history">{t('users.history.title')}</Tabs.Tab>
            <Tabs.Tab value="appointments">{t('users.appointments.title')}</Tabs.Tab>
            {role === 'admin' && <Tabs.Tab value="audit">{t('users.audit.title')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel organisationId={organisationId} userId={user.id} revision={revision} />
          </Tabs.Panel>
          <Tabs.Panel value="appointments" pt="md">
            <AppointmentsPanel organisationId={organisationId} userId={user.id} revision={revision} />
          </Tabs.Panel>
          {role === 'admin' && (
            <Tabs.Panel value="audit" pt="md">
              <AuditPanel organisationId={organisationId} userId={user.id} revision={revision} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Card>
    </Stack>
  );
}
