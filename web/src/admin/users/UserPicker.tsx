// A type-ahead picker of one user record, fed by the search API (the same matching as the Users list).
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserFormat } from './format';
import { searchUsers } from './requests';
import { fullName, type UserSummary } from './types';

export type PickedUser = Omit<UserSummary, 'warnings'>;

type Props = {
  label: string;
  description?: string;
  organisationId: string;
  selected: PickedUser | undefined;
  /** The record chosen in the other picker: a record cannot be merged with itself. */
  excludeId?: string;
  onSelect: (user: PickedUser | undefined) => void;
};

const SEARCH_DEBOUNCE_MS = 250;

export function UserPicker({ label, description, organisationId, selected, excludeId, onSelect }: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [found, setFound] = useState<PickedUser[]>([]);

  useEffect(() => {
    // Choosing an option writes its name in the box: that is not a new search.
    if (query.length < 2 || (selected && query === fullName(selected))) return;
    let isCurrent = true;
    searchUsers(organisationId, query, undefined, 10).then(
      (page) => isCurrent && setFound(page.items),
      () => isCurrent && setFound([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [query, organisationId, selected]);

  const candidates = [
    ...(selected ? [selected] : []),
    ...found.filter((user) => user.id !== selected?.id),
  ].filter((user) => user.id !== excludeId);
  const byId = new Map(candidates.map((user) => [user.id, user]));
  const describe = (user: PickedUser) =>
    [
      user.birthDate && format.birthDate(user.birthDate, 'medium'),
      user.email,
      user.mobilePhone && format.phone(user.mobilePhone),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('users.merge.pickerPlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('users.merge.clearPicker', { label }) }}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (without accents, phones in any format): show what it found.
      filter={({ options }) => options}
      nothingFoundMessage={query.length >= 2 ? t('common.noResults') : t('users.merge.typeToSearch')}
      data={candidates.map((user) => ({ value: user.id, label: fullName(user) }))}
      value={selected?.id ?? null}
      onChange={(value) => onSelect(value ? byId.get(value) : undefined)}
      renderOption={({ option }) => {
        const user = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {user && (
              <Text size="xs" c="dimmed">
                {describe(user)}
              </Text>
            )}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
