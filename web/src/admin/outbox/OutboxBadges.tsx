// How an outbox message's channel, status and kind read: an icon with a word, a badge with a word.
import { Group, Text } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TintedBadge } from '../followup/StatusBadge';
import { formatPhone } from '../users/format';

const STATUS_COLORS = { sending: 'blue', sent: 'teal', delivered: 'green', failed: 'red' } as const;
type Status = keyof typeof STATUS_COLORS;
const KINDS = [
  'appointment_confirmation',
  'appointment_moved',
  'appointment_cancelled',
  'appointment_reminder',
  'user_invitation',
] as const;
const TRANSPORTS = ['outbox', 'smtp', 'http'] as const;

const isStatus = (value: string): value is Status => value in STATUS_COLORS;

export function ChannelLabel({ channel }: { channel: string }) {
  const { t } = useTranslation();
  const isSms = channel === 'sms';
  const Icon = isSms ? IconMessage : IconMail;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden="true" />
      <Text size="sm" span>
        {isSms ? t('outbox.channels.sms') : t('outbox.channels.email')}
      </Text>
    </Group>
  );
}

export function MessageStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = isStatus(status) ? STATUS_COLORS[status] : 'gray';
  return (
    <TintedBadge color={color}>{isStatus(status) ? t(`outbox.statuses.${status}`) : status}</TintedBadge>
  );
}

export function kindText(kind: string, t: TFunction): string {
  const known = KINDS.find((candidate) => candidate === kind);
  return known ? t(`outbox.kinds.${known}`) : kind;
}

export function transportText(transport: string, t: TFunction): string {
  const known = TRANSPORTS.find((candidate) => candidate === transport);
  return known ? t(`outbox.transports.${known}`) : transport;
}

/** An SMS recipient's number as staff read it (national format at home); an email address as is. */
export function recipientText(message: { channel: string; recipient: string }, timeZone: string): string {
  return message.channel === 'sms' ? formatPhone(message.recipient, timeZone) : message.recipient;
}
