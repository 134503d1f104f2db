// History of a record (U3): who did what and when, field by field ("Email: (empty) → a@b.c"), with links
// to the other record of a merge (U7).
import { Anchor, Box, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { useUserFormat } from './format';
import type { HistoryEntry } from './types';

const ACTION_KEYS = {
  created: 'users.history.actions.created',
  updated: 'users.history.actions.updated',
  preferences_changed: 'users.history.actions.preferences_changed',
  merged_from: 'users.history.actions.merged_from',
  merged_into: 'users.history.actions.merged_into',
  invited: 'users.history.actions.invited',
  portal_account_created: 'users.history.actions.portal_account_created',
  email_verified: 'users.history.actions.email_verified',
  email_change_requested: 'users.history.actions.email_change_requested',
  password_reset: 'users.history.actions.password_reset',
} as const;

type Props = { organisationId: string; userId: string; revision: number };

export function HistoryPanel({ organisationId, userId, revision }: Props) {
  const { t } = useTranslation();
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/users/{userId}/history', {
          params: { path: { orgId: organisationId, userId } },
        }),
      ),
    [organisationId, userId, revision],
  );
  if (loader.error) return <ErrorAlert error={loader.error} />;
  if (!loader.data) return <PageLoader />;
  if (!loader.data.length) return <Text c="dimmed">{t('users.history.empty')}</Text>;
  return (
    <Stack
      component="ol"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('users.history.title')}
    >
      {loader.data.map((entry) => (
        <HistoryItem key={entry.id} entry={entry} />
      ))}
    </Stack>
  );
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const actor =
    entry.actor === 'user' ? t('users.history.actorUser') : (entry.actor ?? t('users.history.actorSystem'));
  const action =
    entry.action in ACTION_KEYS
      ? t(ACTION_KEYS[entry.action as keyof typeof ACTION_KEYS])
      : t('users.history.actions.other', { action: entry.action });
  const otherId = typeof entry.details.otherId === 'string' ? entry.details.otherId : undefined;
  const otherName = typeof entry.details.otherName === 'string' ? entry.details.otherName : otherId;
  const channel = entry.details.channel;

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600} component="span">
            <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          </Text>
          <Text size="sm" c="dimmed" component="span">
            {t('users.history.by', { actor })}
          </Text>
        </Group>
        <Text size="sm">
          {action}
          {otherId && (
            <>
              {' '}
              <Anchor component={Link} to={`/admin/users/${otherId}`} size="sm" underline="always">
                {otherName}
              </Anchor>
            </>
          )}
          {channel === 'email' && ` ${t('users.history.viaEmail')}`}
          {channel === 'sms' && ` ${t('users.history.viaSms')}`}
        </Text>
        {entry.changes.length > 0 && (
          <Box>
            <List size="sm" spacing={2}>
              {entry.changes.map((change) => (
                <List.Item key={change.field}>
                  {entry.action === 'created'
                    ? t('users.history.initial', {
                        field: format.fieldLabel(change.field),
                        value: format.fieldValue(change.field, change.to),
                      })
                    : t('users.history.change', {
                        field: format.fieldLabel(change.field),
                        from: format.fieldValue(change.field, change.from),
                        to: format.fieldValue(change.field, change.to),
                      })}
                </List.Item>
              ))}
            </List>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
