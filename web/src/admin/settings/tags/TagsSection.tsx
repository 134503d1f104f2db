// Settings › Tags (U9, U10), for account admins: the account's tags (label, type, icon, colour), created and
// changed in a modal, deleted after a confirmation; and per tag, the services of this organisation it makes
// unavailable online (the per-service rules). Tags are internal: clients never see them.
import {
  Badge,
  Button,
  ColorSwatch,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { PageLoader } from '../../../components/PageLoader';
import { useApiAction } from '../../../components/useApiAction';
import { useLoader } from '../../../components/useLoader';
import { useAdminSession, useOrganisation } from '../../session';
import { SettingsCard } from '../SettingsCard';
import { isTagIconName, TAG_ICONS, type Tag, TagBadge, TagIcon } from './TagBadge';
import { TagFormModal } from './TagFormModal';
import { useServiceRules } from './useServiceRules';

type Editing = { tag: Tag | null } | null;
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

export function TagsSection() {
  const { t } = useTranslation();
  const { session } = useAdminSession();
  const { organisationId, organisationName, role } = useOrganisation();
  const accountId = session.account.id;
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/accounts/{accountId}/tags', { params: { path: { accountId } } })),
    [accountId],
  );
  const rules = useServiceRules(organisationId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const tags = loader.data ?? [];

  const onSaved = (saved: Tag) => {
    loader.setData((list) =>
      [...(list ?? []).filter((tag) => tag.id !== saved.id), saved].sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    );
    notifySuccess(t('tags.saved', { label: saved.label }));
  };

  return (
    // The anchor lets a link open Settings straight at the tags (/admin/settings#tags).
    <div id="tags">
      <SettingsCard title={t('tags.title')}>
        <Text size="sm">{t('tags.intro')}</Text>
        <ErrorAlert error={loader.error} />
        {loader.isLoading && !loader.data && <PageLoader />}
        {loader.data && tags.length === 0 && <Text c="dimmed">{t('tags.empty')}</Text>}
        {tags.length > 0 && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('tags.caption')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tags.label')}</Table.Th>
                  <Table.Th scope="col">{t('tags.type')}</Table.Th>
                  <Table.Th scope="col">{t('tags.icon')}</Table.Th>
                  <Table.Th scope="col">{t('tags.color')}</Table.Th>
                  <Table.Th scope="col">
                    {t('tags.rules.column', { organisation: organisationName })}
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('tags.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tags.map((tag) => (
                  <Table.Tr key={tag.id}>
                    <Table.Td>
                      <TagBadge tag={tag} />
                    </Table.Td>
                    <Table.Td>
                      {tag.type === 'banned' ? (
                        <Badge color="red" variant="light" c="red.9" styles={WHOLE_LABEL}>
                          {t('tags.types.banned')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" c="gray.9" styles={WHOLE_LABEL}>
                          {t('tags.types.normal')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <TagIcon name={tag.icon} size={16} />
                        <Text size="sm">
                          {isTagIconName(tag.icon) ? t(`tags.icons.${TAG_ICONS[tag.icon].key}`) : tag.icon}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={tag.color} size={18} aria-hidden="true" />
                        <Text size="sm" ff="monospace">
                          {tag.color}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td miw={240}>
                      <ServiceRulesSelect tag={tag} rules={rules} canEdit={role === 'admin'} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden="true" />}
                          aria-label={t('tags.editNamed', { label: tag.label })}
                          onClick={() => setEditing({ tag })}
                        >
                          {t('tags.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          leftSection={<IconTrash size={14} aria-hidden="true" />}
                          aria-label={t('tags.deleteNamed', { label: tag.label })}
                          onClick={() => setDeleting(tag)}
                        >
                          {t('tags.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rules.error && <ErrorAlert error={rules.error} />}
        <Group justify="flex-end">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditing({ tag: null })}
          >
            {t('tags.create')}
          </Button>
        </Group>
        {editing && (
          <TagFormModal
            accountId={accountId}
            tag={editing.tag}
            onClose={(saved) => {
              setEditing(null);
              if (saved) onSaved(saved);
            }}
          />
        )}
        {deleting && (
          <DeleteTagModal
            accountId={accountId}
            tag={deleting}
            onClose={(isDeleted) => {
              setDeleting(null);
              if (!isDeleted) return;
              loader.setData((list) => list?.filter((tag) => tag.id !== deleting.id));
              rules.reload();
              notifySuccess(t('tags.deleted', { label: deleting.label }));
            }}
          />
        )}
      </SettingsCard>
    </div>
  );
}

function ServiceRulesSelect({
  tag,
  rules,
  canEdit,
}: {
  tag: Tag;
  rules: ReturnType<typeof useServiceRules>;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const save = useApiAction();
  const services = rules.data?.services ?? [];
  const data = services.map((service) => ({
    value: service.id,
    label: i18n.language === 'en' ? service.nameEn : service.nameFr,
  }));
  const change = async (serviceIds: string[]) => {
    const isDone = await save.run(() => rules.setServicesOfTag(tag.id, serviceIds));
    if (isDone) notifySuccess(t('tags.rules.saved', { label: tag.label }));
  };
  return (
    <Stack gap={4}>
      <MultiSelect
        label={<VisuallyHidden>{t('tags.rules.label', { label: tag.label })}</VisuallyHidden>}
        placeholder={rules.data && services.length === 0 ? t('tags.rules.noServices') : undefined}
        data={data}
        value={rules.servicesOfTag(tag.id)}
        onChange={(value) => void change(value)}
        disabled={!canEdit || !rules.data || save.isPending}
        searchable
        clearable={canEdit}
        size="xs"
        nothingFoundMessage={t('common.noResults')}
        comboboxProps={{ withinPortal: true }}
      />
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

function DeleteTagModal({
  accountId,
  tag,
  onClose,
}: {
  accountId: string;
  tag: Tag;
  onClose: (isDeleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const { run, isPending, error } = useApiAction();
  const confirm = async () => {
    const isDone = await run(() =>
      unwrap(
        api.DELETE('/api/v1/accounts/{accountId}/tags/{tagId}', {
          params: { path: { accountId, tagId: tag.id } },
        }),
      ),
    );
    if (isDone) onClose(true);
  };
  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      title={t('tags.deleteTitle', { label: tag.label })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t('tags.deleteConfirm', { label: tag.label })}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={isPending} onClick={() => void confirm()}>
            {t('tags.deleteConfirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
