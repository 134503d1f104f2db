// Choose the user records to book: type-ahead search (GET /orgs/{orgId}/users?q=) and, when the person has
// no record yet, create one inline with first and last name at least (POST /orgs/{orgId}/users, U1).
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiAction } from '../../../components/useApiAction';

export type PickedUser = { id: string; firstName: string; lastName: string; detail?: string };

type Props = {
  organisationId: string;
  value: PickedUser[];
  onChange: (users: PickedUser[]) => void;
  /** How many people may be booked (the service's capacity). */
  max: number;
  error?: string;
};

const MIN_QUERY = 2;

export function UserPicker({ organisationId, value, onChange, max, error }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [results, setResults] = useState<PickedUser[]>([]);
  const [isSearching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [isCreating, setCreating] = useState(false);
  const isFull = value.length >= max;

  useEffect(() => {
    if (debounced.length < MIN_QUERY) {
      setResults([]);
      return;
    }
    let isCurrent = true;
    setSearching(true);
    unwrap(
      api.GET('/api/v1/orgs/{orgId}/users', {
        params: { path: { orgId: organisationId }, query: { q: debounced, limit: 10 } },
      }),
    )
      .then(
        (reply) => {
          if (!isCurrent) return;
          setSearchError(null);
          setResults(
            reply.items.map((user) => ({
              id: user.id,
              firstName: user.firstName,
              lastName: user.lastName,
              detail: [user.birthDate, user.email, user.mobilePhone].filter(Boolean).join(' · '),
            })),
          );
        },
        (caught: unknown) => isCurrent && setSearchError(asApiError(caught)),
      )
      .finally(() => isCurrent && setSearching(false));
    return () => {
      isCurrent = false;
    };
  }, [debounced, organisationId]);

  const add = (user: PickedUser) => {
    if (!value.some((picked) => picked.id === user.id)) onChange([...value, user]);
    setQuery('');
    setResults([]);
  };
  const options = results
    .filter((user) => !value.some((picked) => picked.id === user.id))
    .map((user) => ({
      value: user.id,
      label: `${user.firstName} ${user.lastName}${user.detail ? ` — ${user.detail}` : ''}`,
    }));

  return (
    <Stack gap="xs">
      {value.length > 0 && (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" fw={500}>
            {t('schedule.booking.chosenUsers', { count: value.length })}
          </Text>
          {value.map((user) => {
            const name = `${user.firstName} ${user.lastName}`;
            return (
              <Group key={user.id} gap="xs" wrap="nowrap">
                <Text size="sm">{name}</Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('schedule.booking.removeUser', { name })}
                  onClick={() => onChange(value.filter((picked) => picked.id !== user.id))}
                >
                  <IconX size={14} aria-hidden="true" />
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
      )}
      {!isFull && (
        <Select
          label={t('schedule.booking.findUser')}
          description={t('schedule.booking.findUserHint')}
          placeholder={t('schedule.booking.findUserPlaceholder')}
          searchable
          searchValue={query}
          onSearchChange={setQuery}
          data={options}
          value={null}
          onChange={(id) => {
            const user = results.find((result) => result.id === id);
            if (user) add(user);
          }}
          filter={({ options: all }) => all}
          nothingFoundMessage={
            debounced.length >= MIN_QUERY && !isSearching ? t('schedule.booking.noUserFound') : undefined
          }
          error={error}
          required={value.length === 0}
        />
      )}
      <ErrorAlert error={searchError} />
      {!isFull &&
        (isCreating ? (
          <NewUserForm
            organisationId={organisationId}
            initialName={query}
            onCreated={(user) => {
              add(user);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconUserPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('schedule.booking.createUser')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

/** Splits what was typed in the search ("Léa Dubois") into a first and a last name to start from. */
function splitName(typed: string): { firstName: string; lastName: string } {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}

function NewUserForm({
  organisationId,
  initialName,
  onCreated,
  onCancel,
}: {
  organisationId: string;
  initialName: string;
  onCreated: (user: PickedUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [form, setForm] = useState(() => ({ ...splitName(initialName), email: '', mobilePhone: '' }));
  const { run, isPending, error, fieldError } = useApiAction();

  // A form inside the booking form cannot be a <form>: Enter and its own button create the record.
  const submit = async () => {
    let created: PickedUser | undefined;
    await run(async () => {
      const reply = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/users', {
          params: { path: { orgId: organisationId } },
          body: {
            firstName: form.firstName.trim(),
            lastName: form.lastName.trim(),
            email: form.email.trim() || null,
            mobilePhone: form.mobilePhone.trim() || null,
          },
        }),
      );
      created = { id: reply.user.id, firstName: reply.user.firstName, lastName: reply.user.lastName };
    });
    if (created) onCreated(created);
  };

  const labels = {
    firstName: t('schedule.booking.firstName'),
    lastName: t('schedule.booking.lastName'),
    email: t('schedule.booking.email'),
    mobilePhone: t('schedule.booking.mobilePhone'),
  };
  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <Stack gap="sm">
        <Text fw={600} size="sm" id={headingId}>
          {t('schedule.booking.newUserTitle')}
        </Text>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={labels.firstName}
            required
            autoComplete="off"
            data-autofocus
            value={form.firstName}
            onChange={(event) => setForm({ ...form, firstName: event.currentTarget.value })}
            error={fieldError('firstName', labels.firstName)}
          />
          <TextInput
            label={labels.lastName}
            required
            autoComplete="off"
            value={form.lastName}
            onChange={(event) => setForm({ ...form, lastName: event.currentTarget.value })}
            error={fieldError('lastName', labels.lastName)}
          />
          <TextInput
            label={labels.email}
            type="email"
            autoComplete="off"
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.currentTarget.value })}
            error={fieldError('email', labels.email)}
          />
          <TextInput
            label={labels.mobilePhone}
            type="tel"
            autoComplete="off"
            value={form.mobilePhone}
            onChange={(event) => setForm({ ...form, mobilePhone: event.currentTarget.value })}
            error={fieldError('mobilePhone', labels.mobilePhone)}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="compact-md" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="compact-md" loading={isPending} onClick={() => void submit()}>
            {t('schedule.booking.createUserSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
