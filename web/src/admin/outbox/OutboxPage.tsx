// /admin/outbox — the built-in outbox (SPEC N1): every email and SMS Créneau sent or would have sent, newest
// first, with "Load more"; a message opens in a drawer with its full text.
import {
  Alert,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { formatRowTime } from '../followup/format';
import { useOrganisation } from '../session';
import { MessageDrawer } from './MessageDrawer';
import { ChannelLabel, kindText, MessageStatusBadge, recipientText, transportText } from './OutboxBadges';
import { appendPage, excerpt, nextBefore, OUTBOX_PAGE_SIZE, type OutboxMessage } from './outboxPaging';

type Listing = { messages: OutboxMessage[]; hasMore: boolean };

function fetchOutbox(orgId: string, before?: string) {
  return unwrap(
    api.GET('/api/v1/orgs/{orgId}/outbox', {
      params: { path: { orgId }, query: { limit: OUTBOX_PAGE_SIZE, ...(before ? { before } : {}) } },
    }),
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const { role } = useOrganisation();
  usePageTitle(t('nav.outbox'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('nav.outbox')}</Title>
      {role === 'provider' ? (
        <Alert color="blue" variant="light" role="note">
          {t('outbox.managersOnly')}
        </Alert>
      ) : (
        <Outbox />
      )}
    </Stack>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const { organisationId } = useOrganisation();
  const more = useApiAction();
  const [opened, setOpened] = useState<OutboxMessage | null>(null);
  const listing = useLoader<Listing>(async () => {
    const messages = await fetchOutbox(organisationId);
    return { messages, hasMore: messages.length === OUTBOX_PAGE_SIZE };
  }, [organisationId]);
  const messages = listing.data?.messages ?? [];

  const loadMore = () =>
    more.run(async () => {
      const page = await fetchOutbox(organisationId, nextBefore(messages));
      listing.setData((current) => {
        const shown = current?.messages ?? [];
        const merged = appendPage(shown, page);
        // A full page of messages already shown means nothing older can be reached: stop offering more.
        return {
          messages: merged,
          hasMore: page.length === OUTBOX_PAGE_SIZE && merged.length > shown.length,
        };
      });
    });

  return (
    <>
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm" maw={640}>
          {t('outbox.intro')}
        </Text>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden="true" />}
          onClick={listing.reload}
          loading={listing.isLoading && Boolean(listing.data)}
        >
          {t('outbox.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={listing.error ?? more.error} />
      {listing.isLoading && !listing.data && <PageLoader />}
      {listing.data && (
        <>
          <VisuallyHidden role="status">
            {listing.isLoading ? t('common.loading') : t('outbox.count', { count: messages.length })}
          </VisuallyHidden>
          {messages.length === 0 ? (
            <Text c="dimmed">{t('outbox.empty')}</Text>
          ) : (
            <OutboxTable messages={messages} onOpen={setOpened} />
          )}
          {listing.data.hasMore && (
            <Button variant="light" w="fit-content" loading={more.isPending} onClick={() => void loadMore()}>
              {t('outbox.loadMore')}
            </Button>
          )}
        </>
      )}
      {opened && <MessageDrawer message={opened} onClose={() => setOpened(null)} />}
    </>
  );
}

function OutboxTable({
  messages,
  onOpen,
}: {
  messages: OutboxMessage[];
  onOpen: (message: OutboxMessage) => void;
}) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOrganisation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('outbox.table.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('outbox.table.date')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.channel')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.recipient')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.message')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.kind')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.status')}</Table.Th>
            <Table.Th scope="col">{t('outbox.table.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => {
            const summary =
              message.channel === 'sms'
                ? excerpt(message.bodyText)
                : (message.subject ?? excerpt(message.bodyText));
            const details = [
              transportText(message.transport, t),
              message.segments !== null ? t('outbox.segments', { count: message.segments }) : null,
              message.icsMethod ? t('outbox.ics', { method: message.icsMethod }) : null,
            ].filter(Boolean);
            return (
              <Table.Tr key={message.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatRowTime(message.createdAt, timeZone, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <ChannelLabel channel={message.channel} />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{recipientText(message, timeZone)}</Table.Td>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onOpen(message)}
                    c="blue.8"
                    fz="sm"
                    fw={600}
                    td="underline"
                    ta="left"
                  >
                    {summary}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{kindText(message.kind, t)}</Table.Td>
                <Table.Td>
                  <MessageStatusBadge status={message.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{details.join(' · ')}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
