// The optional patient of a new meeting: type-ahead search of the organisation's user records (the Users
// search, GET /orgs/{orgId}/users?q=), then the chosen name with a button to remove it. The schedule's
// UserPicker is not reused: it books several people, marks the search required and creates records inline.
import { ActionIcon, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, asApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { searchUsers } from '../users/requests';
import { type PickedPatient, personName } from './meetingForm';

type Props = {
  organisationId: string;
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  error?: string;
};

type Found = PickedPatient & { detail: string };
const MIN_QUERY = 2;
const RESULTS = 10;

/** Search results for what was typed (nothing under two characters); the latest answer wins. */
function usePatientSearch(organisationId: string, query: string) {
  const [results, setResults] = useState<Found[]>([]);
  const [isSearching, setSearching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (query.length < MIN_QUERY) {
      setResults([]);
      return;
    }
    let isCurrent = true;
    setSearching(true);
    searchUsers(organisationId, query, undefined, RESULTS)
      .then(
        (reply) => {
          if (!isCurrent) return;
          setError(null);
          setResults(
            reply.items.map((user) => ({
              id: user.id,
              firstName: user.firstName,
              lastName: user.lastName,
              detail: [user.birthDate, user.email, user.mobilePhone].filter(Boolean).join(' · '),
            })),
          );
        },
        (caught: unknown) => isCurrent && setError(asApiError(caught)),
      )
      .finally(() => isCurrent && setSearching(false));
    return () => {
      isCurrent = false;
    };
  }, [organisationId, query]);
  return { results, isSearching, error };
}

export function PatientPicker({ organisationId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const search = usePatientSearch(organisationId, debounced);

  if (value) {
    const name = personName(value);
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('meetings.form.patient')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{name}</Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('meetings.form.removePatient', { name })}
            onClick={() => onChange(null)}
          >
            <IconX size={14} aria-hidden="true" />
          </ActionIcon>
        </Group>
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Select
        label={t('meetings.form.patient')}
        description={t('meetings.form.patientHint')}
        placeholder={t('meetings.form.findPatient')}
        searchable
        searchValue={query}
        onSearchChange={setQuery}
        data={search.results.map((user) => ({
          value: user.id,
          label: `${personName(user)}${user.detail ? ` — ${user.detail}` : ''}`,
        }))}
        value={null}
        onChange={(id) => {
          const found = search.results.find((user) => user.id === id);
          if (found) onChange({ id: found.id, firstName: found.firstName, lastName: found.lastName });
          setQuery('');
        }}
        filter={({ options }) => options}
        nothingFoundMessage={
          debounced.length >= MIN_QUERY && !search.isSearching ? t('meetings.form.noPatientFound') : undefined
        }
        error={error}
      />
      <ErrorAlert error={search.error} />
    </Stack>
  );
}
