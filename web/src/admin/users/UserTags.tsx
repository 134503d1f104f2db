// U9 on a user record: its tags as coloured badges (icon and label), and for admins and agents an editor
// (a multi-select of the account's tags, PUT /orgs/{orgId}/users/{userId}/tags). Internal only.
import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { useAdminSession } from '../session';
import { type Tag, TagBadge, type TagSummary } from '../settings/tags/TagBadge';

type Props = { organisationId: string; userId: string; canEdit: boolean; onChanged: () => void };

export function UserTags({ organisationId, userId, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/users/{userId}/tags', {
          params: { path: { orgId: organisationId, userId } },
        }),
      ),
    [organisationId, userId],
  );
  const [isEditing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const tags = loader.data ?? [];

  return (
    <Stack gap="xs" component="section" aria-labelledby={labelId}>
      <Group gap="xs" wrap="wrap" align="center">
        <Text fw={600} size="sm" id={labelId}>
          {t('tags.record.title')}
        </Text>
        {loader.data && tags.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tags.record.none')}
          </Text>
        )}
        {tags.length > 0 && (
          <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {tags.map((tag) => (
              <li key={tag.id}>
                <TagBadge tag={tag} />
              </li>
            ))}
          </Group>
        )}
        {canEdit && !isEditing && (
          <Button
            ref={editButton}
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden="true" />}
            onClick={() => setEditing(true)}
            disabled={!loader.data}
          >
            {t('tags.record.edit')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={loader.error} />
      {isEditing && (
        <TagsEditor
          organisationId={organisationId}
          userId={userId}
          current={tags}
          onDone={(saved) => {
            setEditing(false);
            if (saved) {
              loader.setData(() => saved);
              onChanged();
            }
            // Back to the button that opened the editor (it renders again on the next frame).
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      )}
    </Stack>
  );
}

function TagsEditor({
  organisationId,
  userId,
  current,
  onDone,
}: {
  organisationId: string;
  userId: string;
  current: TagSummary[];
  onDone: (saved?: TagSummary[]) => void;
}) {
  const { t } = useTranslation();
  const { session } = useAdminSession();
  const accountId = session.account.id;
  const all = useLoader(
    () => unwrap(api.GET('/api/v1/accounts/{accountId}/tags', { params: { path: { accountId } } })),
    [accountId],
  );
  const [selected, setSelected] = useState(() => current.map((tag) => tag.id));
  const { run, isPending, error } = useApiAction();
  const select = useRef<HTMLInputElement>(null);
  useEffect(() => select.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let saved: TagSummary[] | undefined;
    const isDone = await run(async () => {
      saved = await unwrap(
        api.PUT('/api/v1/orgs/{orgId}/users/{userId}/tags', {
          params: { path: { orgId: organisationId, userId } },
          body: { tagIds: selected },
        }),
      );
    });
    if (isDone && saved) {
      notifySuccess(t('tags.record.saved'));
      onDone(saved);
    }
  };

  const byId = new Map<string, Tag>((all.data ?? []).map((tag) => [tag.id, tag]));
  return (
    <form onSubmit={submit} noValidate aria-label={t('tags.record.editForm')}>
      <Stack gap="sm" maw={520}>
        <ErrorAlert error={all.error ?? error} />
        <MultiSelect
          ref={select}
          label={t('tags.record.select')}
          description={t('tags.record.selectHint')}
          data={(all.data ?? []).map((tag) => ({ value: tag.id, label: tag.label }))}
          value={selected}
          onChange={setSelected}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          renderOption={({ option }) => {
            const tag = byId.get(option.value);
            return tag ? <TagBadge tag={tag} /> : option.label;
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending} disabled={!all.data}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
