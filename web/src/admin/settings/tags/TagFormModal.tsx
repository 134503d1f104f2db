// U9: create or change a tag — label, type (normal or banned client), icon, colour and, for a banned tag,
// the message shown to that client in each language when they try to book online (empty → the default).
import {
  Button,
  ColorInput,
  Group,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiAction } from '../../../components/useApiAction';
import { isTagIconName, TAG_ICONS, type Tag, TagBadge, TagIcon } from './TagBadge';
import { DEFAULT_TAG_COLOR } from './tagColors';

const SWATCHES = [
  '#495057',
  '#c92a2a',
  '#a61e4d',
  '#862e9c',
  '#364fc7',
  '#1864ab',
  '#0b7285',
  '#2b8a3e',
  '#e67700',
  '#ffd43b',
];

type Props = { accountId: string; tag: Tag | null; onClose: (saved?: Tag) => void };
type Form = {
  label: string;
  type: 'normal' | 'banned';
  icon: string;
  color: string;
  bannedMessageFr: string;
  bannedMessageEn: string;
};

function formOf(tag: Tag | null): Form {
  return {
    label: tag?.label ?? '',
    type: tag?.type === 'banned' ? 'banned' : 'normal',
    icon: tag?.icon ?? 'tag',
    color: tag?.color ?? DEFAULT_TAG_COLOR,
    bannedMessageFr: tag?.bannedMessageFr ?? '',
    bannedMessageEn: tag?.bannedMessageEn ?? '',
  };
}

export function TagFormModal({ accountId, tag, onClose }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => formOf(tag));
  const { run, isPending, error, fieldError } = useApiAction();
  const change = (patch: Partial<Form>) => setForm((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isBanned = form.type === 'banned';
    const body = {
      label: form.label.trim(),
      type: form.type,
      icon: form.icon,
      color: form.color,
      bannedMessageFr: isBanned ? form.bannedMessageFr.trim() || null : null,
      bannedMessageEn: isBanned ? form.bannedMessageEn.trim() || null : null,
    };
    let saved: Tag | undefined;
    const isDone = await run(async () => {
      saved = tag
        ? await unwrap(
            api.PUT('/api/v1/accounts/{accountId}/tags/{tagId}', {
              params: { path: { accountId, tagId: tag.id } },
              body,
            }),
          )
        : await unwrap(
            api.POST('/api/v1/accounts/{accountId}/tags', { params: { path: { accountId } }, body }),
          );
    });
    if (isDone && saved) onClose(saved);
  };

  const labelLabel = t('tags.form.label');
  const colorLabel = t('tags.form.color');
  const iconOptions = Object.entries(TAG_ICONS).map(([value, { key }]) => ({
    value,
    label: t(`tags.icons.${key}`),
  }));
  return (
    <Modal
      opened
      onClose={() => onClose()}
      title={tag ? t('tags.form.editTitle', { label: tag.label }) : t('tags.form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput
            label={labelLabel}
            description={t('tags.form.labelHint')}
            required
            maxLength={80}
            value={form.label}
            onChange={(event) => change({ label: event.currentTarget.value })}
            error={fieldError('label', labelLabel)}
            data-autofocus
          />
          <Radio.Group
            label={t('tags.form.type')}
            value={form.type}
            onChange={(value) => change({ type: value === 'banned' ? 'banned' : 'normal' })}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="normal" label={t('tags.types.normal')} description={t('tags.form.normalHint')} />
              <Radio value="banned" label={t('tags.types.banned')} description={t('tags.form.bannedHint')} />
            </Stack>
          </Radio.Group>
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <Select
              label={t('tags.form.icon')}
              data={iconOptions}
              value={form.icon}
              allowDeselect={false}
              onChange={(value) => value && isTagIconName(value) && change({ icon: value })}
              leftSection={<TagIcon name={form.icon} size={16} />}
              renderOption={({ option }) => (
                <Group gap="xs" wrap="nowrap">
                  <TagIcon name={option.value} size={16} />
                  <span>{option.label}</span>
                </Group>
              )}
              miw={200}
            />
            <ColorInput
              label={colorLabel}
              format="hex"
              swatches={SWATCHES}
              eyeDropperButtonProps={{ 'aria-label': t('tags.form.eyeDropper') }}
              value={form.color}
              onChange={(value) => change({ color: value })}
              error={fieldError('color', colorLabel)}
              miw={200}
            />
          </Group>
          <Group gap="xs">
            <Text size="sm">{t('tags.form.preview')}</Text>
            <TagBadge
              tag={{
                id: 'preview',
                label: form.label || labelLabel,
                type: form.type,
                icon: form.icon,
                color: /^#[0-9a-f]{6}$/i.test(form.color) ? form.color : DEFAULT_TAG_COLOR,
              }}
            />
          </Group>
          {form.type === 'banned' && (
            <Stack gap="sm">
              <Text size="sm">{t('tags.form.messagesIntro')}</Text>
              <Textarea
                label={t('tags.form.messageFr')}
                lang="fr"
                placeholder={t('tags.form.defaultMessageFr')}
                description={t('tags.form.messageHint')}
                autosize
                minRows={2}
                maxLength={500}
                value={form.bannedMessageFr}
                onChange={(event) => change({ bannedMessageFr: event.currentTarget.value })}
                error={fieldError('bannedMessageFr', t('tags.form.messageFr'))}
              />
              <Textarea
                label={t('tags.form.messageEn')}
                lang="en"
                placeholder={t('tags.form.defaultMessageEn')}
                description={t('tags.form.messageHint')}
                autosize
                minRows={2}
                maxLength={500}
                value={form.bannedMessageEn}
                onChange={(event) => change({ bannedMessageEn: event.currentTarget.value })}
                error={fieldError('bannedMessageEn', t('tags.form.messageEn'))}
              />
            </Stack>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose()}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {tag ? t('common.save') : t('tags.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
