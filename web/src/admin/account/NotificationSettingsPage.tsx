// /admin/account/notifications — Account › Notifications (SPEC N3, seed 003): per event, email and/or SMS.
// Everyone edits their own; an admin may pick a provider of the organisation in a drop-down and edit theirs.
import {
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import switchClasses from '../followup/switch.module.css';
import { providerName } from '../schedule/providers';
import { useAdminSession, useOrganisation } from '../session';

type Setting = ResponseBody<'/api/v1/orgs/{orgId}/staff/{staffId}/notification-settings', 'get'>[number];
type Channel = 'email' | 'sms';
const CHANNELS: readonly Channel[] = ['email', 'sms'];

export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { session } = useAdminSession();
  const { organisationId, role } = useOrganisation();
  usePageTitle(t('outbox.notifications.title'));
  const me = session.staff;
  const isAdmin = role === 'admin';
  const [staffId, setStaffId] = useState(me.id);
  const providers = useLoader(
    () =>
      isAdmin
        ? unwrap(api.GET('/api/v1/orgs/{orgId}/providers', { params: { path: { orgId: organisationId } } }))
        : Promise.resolve([]),
    [organisationId, isAdmin],
  );
  const settings = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/staff/{staffId}/notification-settings', {
          params: { path: { orgId: organisationId, staffId } },
        }),
      ),
    [organisationId, staffId],
  );
  const myName = `${me.firstName} ${me.lastName}`;
  const options = [
    { value: me.id, label: t('outbox.notifications.myself', { name: myName }) },
    ...(providers.data ?? [])
      .filter((provider) => provider.id !== me.id)
      .map((provider) => ({ value: provider.id, label: providerName(provider) })),
  ];
  const chosenName = options.find((option) => option.value === staffId)?.label ?? myName;

  return (
    <Stack gap="md" maw={820}>
      <Box component="nav" aria-label={t('outbox.notifications.breadcrumbLabel')}>
        <Breadcrumbs>
          <Text size="sm">{t('outbox.notifications.breadcrumb')}</Text>
          <Anchor component={Link} to="/admin/account/notifications" size="sm" aria-current="page">
            {t('outbox.notifications.title')}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <Title order={1}>{t('outbox.notifications.title')}</Title>
      <Text size="sm">{t('outbox.notifications.intro')}</Text>
      {staffId === me.id && <Text size="sm">{t('outbox.notifications.sentTo', { email: me.email })}</Text>}
      {isAdmin && (
        <Select
          label={t('outbox.notifications.provider')}
          description={t('outbox.notifications.providerHint')}
          data={options}
          value={staffId}
          onChange={(value) => value && setStaffId(value)}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('common.noResults')}
          maw={420}
        />
      )}
      <ErrorAlert error={providers.error ?? settings.error} />
      {settings.isLoading && <PageLoader />}
      {settings.data && !settings.isLoading && (
        <SettingsForm
          key={staffId}
          organisationId={organisationId}
          staffId={staffId}
          title={
            staffId === me.id
              ? t('outbox.notifications.section')
              : t('outbox.notifications.editing', { name: chosenName })
          }
          initial={settings.data}
          onSaved={(saved) => settings.setData(() => saved)}
        />
      )}
    </Stack>
  );
}

type FormProps = {
  organisationId: string;
  staffId: string;
  title: string;
  initial: Setting[];
  onSaved: (settings: Setting[]) => void;
};

function SettingsForm({ organisationId, staffId, title, initial, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const { run, isPending, error } = useApiAction();

  const toggle = (event: Setting['event'], channel: Channel, isOn: boolean) =>
    setDraft((current) =>
      current.map((setting) => (setting.event === event ? { ...setting, [channel]: isOn } : setting)),
    );

  const save = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    await run(async () => {
      const saved = await unwrap(
        api.PUT('/api/v1/orgs/{orgId}/staff/{staffId}/notification-settings', {
          params: { path: { orgId: organisationId, staffId } },
          body: { settings: draft },
        }),
      );
      onSaved(saved);
      notifySuccess(t('outbox.notifications.saved'));
    });
  };

  return (
    <Card component="form" withBorder padding="lg" onSubmit={save}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Table aria-label={t('outbox.notifications.caption')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('outbox.notifications.event')}</Table.Th>
              {CHANNELS.map((channel) => (
                <Table.Th scope="col" key={channel} w={90} ta="center">
                  {t(`outbox.notifications.${channel}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((setting) => {
              const eventLabel = t(`outbox.notifications.events.${setting.event}`);
              return (
                <Table.Tr key={setting.event}>
                  <Table.Th scope="row" fw={400}>
                    {eventLabel}
                  </Table.Th>
                  {CHANNELS.map((channel) => (
                    <Table.Td key={channel}>
                      <Group justify="center">
                        <Switch
                          classNames={{ track: switchClasses.track }}
                          checked={setting[channel]}
                          onChange={(change) => toggle(setting.event, channel, change.currentTarget.checked)}
                          aria-label={t('outbox.notifications.switchLabel', {
                            channel: t(`outbox.notifications.${channel}`),
                            event: eventLabel,
                          })}
                        />
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('outbox.notifications.smsHint')}
        </Text>
        <ErrorAlert error={error} />
        <Group>
          <Button
            type="submit"
            loading={isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          >
            {t('outbox.notifications.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
