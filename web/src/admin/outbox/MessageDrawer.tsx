// N1: one outbox message in full — an email's subject, recipient and text (the HTML version only inside a
// sandboxed frame: no script, no same-origin access), or an SMS with its length in segments.
import { Box, Button, Code, Drawer, em, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCode } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRowTime } from '../followup/format';
import { useOrganisation } from '../session';
import { ChannelLabel, kindText, MessageStatusBadge, recipientText, transportText } from './OutboxBadges';
import type { OutboxMessage } from './outboxPaging';

export function MessageDrawer({ message, onClose }: { message: OutboxMessage; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useOrganisation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const isSms = message.channel === 'sms';
  const title = isSms ? t('outbox.drawer.smsTitle') : (message.subject ?? t('outbox.drawer.emailTitle'));

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={
        <Title order={2} size="h3">
          {title}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="lg">
        <Table variant="vertical" withTableBorder aria-label={t('outbox.drawer.details')}>
          <Table.Tbody>
            <Row label={t('outbox.table.date')}>
              {formatRowTime(message.createdAt, timeZone, i18n.language)}
            </Row>
            <Row label={t('outbox.table.channel')}>
              <ChannelLabel channel={message.channel} />
            </Row>
            <Row label={t('outbox.table.recipient')}>{recipientText(message, timeZone)}</Row>
            <Row label={t('outbox.table.kind')}>{kindText(message.kind, t)}</Row>
            <Row label={t('outbox.table.status')}>
              <MessageStatusBadge status={message.status} />
            </Row>
            <Row label={t('outbox.table.transport')}>{transportText(message.transport, t)}</Row>
            {message.segments !== null && (
              <Row label={t('outbox.drawer.segments')}>
                {t('outbox.segments', { count: message.segments })} ·{' '}
                {t('outbox.drawer.characters', { count: [...message.bodyText].length })}
              </Row>
            )}
            {message.icsMethod && (
              <Row label={t('outbox.drawer.calendar')}>{t('outbox.ics', { method: message.icsMethod })}</Row>
            )}
            {message.error && (
              <Row label={t('outbox.drawer.error')}>
                <Code>{message.error}</Code>
              </Row>
            )}
          </Table.Tbody>
        </Table>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {isSms ? t('outbox.drawer.smsText') : t('outbox.drawer.emailText')}
          </Title>
          <Box
            p="md"
            bg="gray.0"
            style={{
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              borderRadius: 'var(--mantine-radius-md)',
            }}
          >
            <Text size="sm" inherit>
              {message.bodyText}
            </Text>
          </Box>
        </Stack>
        {!isSms && message.bodyHtml && (
          <HtmlPreview html={message.bodyHtml} subject={message.subject ?? ''} />
        )}
      </Stack>
    </Drawer>
  );
}

/** The HTML version on demand, in a frame that runs no script and cannot reach this page. */
function HtmlPreview({ html, subject }: { html: string; subject: string }) {
  const { t } = useTranslation();
  const [isShown, setShown] = useState(false);
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        w="fit-content"
        aria-expanded={isShown}
        leftSection={<IconCode size={16} aria-hidden="true" />}
        onClick={() => setShown((value) => !value)}
      >
        {isShown ? t('outbox.drawer.hideHtml') : t('outbox.drawer.showHtml')}
      </Button>
      {isShown && (
        <iframe
          title={t('outbox.drawer.htmlFrame', { subject })}
          sandbox=""
          srcDoc={html}
          style={{
            width: '100%',
            minHeight: 240,
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 8,
          }}
        />
      )}
    </Stack>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}
