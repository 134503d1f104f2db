// Confirmation of a merge (U7): which record stays, which disappears, the values taken from each, and what
// moves. The focus is trapped in the dialog and returns to the merge button when it closes.
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUserFormat } from './format';
import type { MergeSelection } from './MergeComparison';
import { Notice } from './Notice';
import { type EditableField, fullName, type MergePreview } from './types';

type Props = {
  opened: boolean;
  preview: MergePreview;
  selection: MergeSelection;
  isPending: boolean;
  error: ApiError | null;
  onCancel: () => void;
  onConfirm: () => void;
};

export function MergeConfirmModal({
  opened,
  preview,
  selection,
  isPending,
  error,
  onCancel,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const { keep, drop } = preview;
  const differing = preview.fields.filter((row) => !row.equal);

  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={t('users.merge.confirmTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm">
          {t('users.merge.confirmKeep', { name: fullName(keep) })}{' '}
          {t('users.merge.confirmDrop', { name: fullName(drop) })}
        </Text>
        {differing.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('users.merge.confirmValues')}
            </Text>
            <List size="sm" spacing={2}>
              {differing.map((row) => {
                const isFromDrop = selection[row.field as EditableField] === drop.id;
                return (
                  <List.Item key={row.field}>
                    {t('users.merge.confirmValue', {
                      field: format.fieldLabel(row.field),
                      value: format.fieldValue(row.field, isFromDrop ? row.drop : row.keep),
                      record: isFromDrop ? t('users.merge.fromDropped') : t('users.merge.fromKept'),
                    })}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        )}
        <Notice role="note" color="orange" icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('users.merge.confirmMoves', { name: fullName(drop) })}
        </Notice>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={isPending}>
            {t('users.merge.confirmSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
