// A participant's status as a badge: the word itself in near-black on a light tint, with a coloured dot —
// the colour helps, the word carries the meaning, and the text keeps AA contrast even on striped rows.
import { Badge, Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isParticipantStatus, STATUS_COLORS, statusKey } from './status';

export function TintedBadge({ color, children }: { color: string; children: string }) {
  return (
    <Badge
      variant="light"
      color={color}
      c="gray.9"
      miw="max-content"
      style={{ textTransform: 'none' }}
      leftSection={<Box w={8} h={8} bg={`${color}.7`} style={{ borderRadius: '50%' }} aria-hidden="true" />}
    >
      {children}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isParticipantStatus(status)) return <TintedBadge color="gray">{status}</TintedBadge>;
  return <TintedBadge color={STATUS_COLORS[status]}>{t(statusKey(status))}</TintedBadge>;
}
