// U7, seed 002: the two records side by side, one row per field. Differences are marked orange and
// similarities green, each also with an icon and a word; on a differing row a radio chooses the value kept.
import { Group, Radio, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserFormat } from './format';
import { type EditableField, fullName, isEditableField, type MergePreview } from './types';

/** Per field, the id of the record whose value is kept. */
export type MergeSelection = Partial<Record<EditableField, string>>;

type Props = {
  preview: MergePreview;
  selection: MergeSelection;
  onChoose: (field: EditableField, userId: string) => void;
};

export function MergeComparison({ preview, selection, onChoose }: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const { keep, drop } = preview;
  const records = [
    { user: keep, role: t('users.merge.keptRecord') },
    { user: drop, role: t('users.merge.droppedRecord') },
  ];
  const fields = preview.fields.filter((row) => isEditableField(row.field));

  return (
    <Table.ScrollContainer minWidth={680}>
      <Table withTableBorder withColumnBorders verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('users.merge.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.merge.field')}</Table.Th>
            {records.map(({ user, role }) => (
              <Table.Th scope="col" key={user.id}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {role}
                </Text>
                {fullName(user)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('users.merge.comparison')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((row) => {
            const field = row.field as EditableField;
            const label = format.fieldLabel(field);
            const chosenId = selection[field] ?? keep.id;
            return (
              <Table.Tr key={field} bg={row.equal ? 'green.0' : 'orange.0'}>
                <Table.Th scope="row">{label}</Table.Th>
                {records.map(({ user, role }) => {
                  const value = format.fieldValue(field, row[user.id === keep.id ? 'keep' : 'drop']);
                  return (
                    <Table.Td key={user.id} style={{ overflowWrap: 'anywhere' }}>
                      {row.equal ? (
                        <Text size="sm">{value}</Text>
                      ) : (
                        <Radio
                          name={`merge-${field}`}
                          value={user.id}
                          checked={chosenId === user.id}
                          onChange={() => onChoose(field, user.id)}
                          label={value}
                          aria-label={t('users.merge.keepValue', { field: label, value, record: role })}
                        />
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  {row.equal ? (
                    <Group gap={4} wrap="nowrap">
                      <IconCircleCheck size={18} color="var(--mantine-color-green-9)" aria-hidden="true" />
                      <Text size="sm">{t('users.merge.same')}</Text>
                    </Group>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <IconAlertTriangle size={18} color="var(--mantine-color-orange-9)" aria-hidden="true" />
                      <Text size="sm" fw={600}>
                        {t('users.merge.different')}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
