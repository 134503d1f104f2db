// U6 and U8 warnings: "email already in use" (links the existing records) and "possible duplicates" (links
// each record and, from a record page, the merge screen). Warnings never block a save.
import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserFormat } from './format';
import { Notice } from './Notice';
import { type DuplicateSuggestion, type EmailInUse, fullName } from './types';

const REASON_KEYS = {
  similar_name: 'users.duplicates.reasons.similar_name',
  same_birth_date: 'users.duplicates.reasons.same_birth_date',
  same_phone: 'users.duplicates.reasons.same_phone',
  same_email: 'users.duplicates.reasons.same_email',
} as const;

function isKnownReason(reason: string): reason is keyof typeof REASON_KEYS {
  return reason in REASON_KEYS;
}

export function EmailInUseWarning({ users }: { users: EmailInUse }) {
  const { t } = useTranslation();
  if (!users.length) return null;
  return (
    <Notice
      role="region"
      color="yellow"
      title={t('users.duplicates.emailInUseTitle')}
      icon={<IconMail aria-hidden="true" />}
    >
      <Stack gap={4}>
        <Text size="sm">{t('users.duplicates.emailInUse')}</Text>
        <List size="sm">
          {users.map((user) => (
            <List.Item key={user.id}>
              <Anchor component={Link} to={`/admin/users/${user.id}`} size="sm" c="blue.9" underline="always">
                {fullName(user)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Notice>
  );
}

type ListProps = {
  duplicates: DuplicateSuggestion[];
  /** The record being viewed: each suggestion then offers to merge with it. */
  currentUserId?: string;
};

export function DuplicateList({ duplicates, currentUserId }: ListProps) {
  const { t } = useTranslation();
  const format = useUserFormat();
  if (!duplicates.length) return null;
  const reasons = (duplicate: DuplicateSuggestion) =>
    duplicate.reasons
      .filter(isKnownReason)
      .map((reason) => t(REASON_KEYS[reason]))
      .join(', ');

  return (
    <Notice
      role="region"
      color="orange"
      title={t('users.duplicates.title')}
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      <Stack gap="xs">
        <Text size="sm">
          {currentUserId ? t('users.duplicates.introRecord') : t('users.duplicates.introNew')}
        </Text>
        <List size="sm" spacing="xs">
          {duplicates.map((duplicate) => (
            <List.Item key={duplicate.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/admin/users/${duplicate.id}`}
                  size="sm"
                  fw={600}
                  c="blue.9"
                  underline="always"
                >
                  {fullName(duplicate)}
                </Anchor>
                {duplicate.birthDate && <Text size="sm">{format.birthDate(duplicate.birthDate)}</Text>}
                <Text size="sm">({reasons(duplicate)})</Text>
                {currentUserId && (
                  <Anchor
                    component={Link}
                    to={`/admin/users/merge?keepId=${currentUserId}&dropId=${duplicate.id}`}
                    size="sm"
                    c="blue.9"
                    underline="always"
                  >
                    {t('users.duplicates.merge', { name: fullName(duplicate) })}
                  </Anchor>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Notice>
  );
}
