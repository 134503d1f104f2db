// /admin/account/calendar — Account › Calendar feed (A7): a private link to subscribe to my schedule from
// Google, Outlook or Apple Calendar. The link is shown once, when it is made (only its hash is kept);
// replacing it stops the old one; turning it off stops it.
import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';

export function CalendarFeedPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('account.calendar.title'));
  const status = useLoader(() => unwrap(api.GET('/api/v1/auth/calendar-feed')), []);
  const [url, setUrl] = useState<string>();
  const action = useApiAction();

  const make = () =>
    action.run(async () => {
      const made = await unwrap(api.POST('/api/v1/auth/calendar-feed'));
      setUrl(made.url);
      status.reload();
    });
  const turnOff = async () => {
    const isDone = await action.run(() => unwrap(api.DELETE('/api/v1/auth/calendar-feed')));
    if (isDone) {
      setUrl(undefined);
      notifySuccess(t('account.calendar.turnedOff'));
      status.reload();
    }
  };
  const since = status.data?.createdAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(status.data.createdAt))
    : '';

  return (
    <Stack gap="md" maw={720}>
      <Box component="nav" aria-label={t('security.breadcrumbLabel')}>
        <Breadcrumbs>
          <Text size="sm">{t('security.breadcrumb')}</Text>
          <Anchor component={Link} to="/admin/account/calendar" size="sm" aria-current="page">
            {t('account.calendar.title')}
          </Anchor>
        </Breadcrumbs>
      </Box>
      <Title order={1}>{t('account.calendar.title')}</Title>
      <Text size="sm">{t('account.calendar.intro')}</Text>
      <ErrorAlert error={status.error ?? action.error} />
      {status.isLoading && !status.data && <PageLoader />}
      {status.data && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Group>
              <Badge variant="light" color={status.data.isEnabled ? 'green' : 'gray'} c="dark.8" size="lg">
                {status.data.isEnabled
                  ? t('account.calendar.on', { date: since })
                  : t('account.calendar.off')}
              </Badge>
            </Group>
            {url && <FeedLink url={url} />}
            {status.data.isEnabled && !url && <Text size="sm">{t('account.calendar.hidden')}</Text>}
            <Group>
              <Button
                leftSection={<IconCalendarShare size={16} aria-hidden="true" />}
                loading={action.isPending}
                onClick={() => void make()}
              >
                {status.data.isEnabled ? t('account.calendar.replace') : t('account.calendar.make')}
              </Button>
              {status.data.isEnabled && (
                <Button variant="light" color="red" onClick={() => void turnOff()}>
                  {t('account.calendar.turnOff')}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function FeedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('account.calendar.linkLabel')}
      </Text>
      <Code
        block
        data-testid="calendar-feed-url"
        style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
      >
        {url}
      </Code>
      <Text size="sm">{t('account.calendar.linkHint')}</Text>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button
            variant="light"
            w="fit-content"
            onClick={copy}
            leftSection={
              copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />
            }
          >
            {copied ? t('account.calendar.copied') : t('account.calendar.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
