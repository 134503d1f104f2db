// /admin/users: type-ahead search of user records (the server matches names without accents, emails, phones
// in any format and birth dates), paginated with the reply's cursor; create and merge buttons.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsJoin, IconBellOff, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganisation } from '../session';
import { useUserFormat } from './format';
import { searchUsers } from './requests';
import { fullName, type SearchPage, type UserSummary } from './types';

const SEARCH_DEBOUNCE_MS = 250;

export function UsersListPage() {
  const { t } = useTranslation();
  const { organisationId } = useOrganisation();
  usePageTitle(t('users.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const [query] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const more = useApiAction();

  // The search stays in the address, so "back" from a record returns to the same results.
  useEffect(() => {
    if ((searchParams.get('q') ?? '') !== query)
      setSearchParams(query ? { q: query } : {}, { replace: true });
  }, [query, searchParams, setSearchParams]);

  const loader = useLoader(() => searchUsers(organisationId, query), [organisationId, query]);
  const page: SearchPage | undefined = loader.data;

  const loadMore = async () => {
    const cursor = page?.nextCursor;
    if (!cursor) return;
    await more.run(async () => {
      const next = await searchUsers(organisationId, query, cursor);
      loader.setData(
        (current) => current && { items: [...current.items, ...next.items], nextCursor: next.nextCursor },
      );
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('users.title')}</Title>
        <Group gap="sm">
          <Button
            component={Link}
            to="merge"
            variant="default"
            leftSection={<IconArrowsJoin size={16} aria-hidden="true" />}
          >
            {t('users.list.merge')}
          </Button>
          <Button component={Link} to="new" leftSection={<IconUserPlus size={16} aria-hidden="true" />}>
            {t('users.list.create')}
          </Button>
        </Group>
      </Group>
      <search>
        <TextInput
          type="search"
          label={t('users.list.searchLabel')}
          description={t('users.list.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
          maw={520}
        />
      </search>
      <ErrorAlert error={loader.error ?? more.error} />
      {loader.isLoading && !page && <PageLoader />}
      {page && (
        <>
          <VisuallyHidden role="status">
            {loader.isLoading ? t('common.loading') : t('users.list.count', { count: page.items.length })}
          </VisuallyHidden>
          {page.items.length === 0 ? (
            <Text c="dimmed">{query ? t('users.list.noMatch', { query }) : t('users.list.empty')}</Text>
          ) : (
            <UsersTable users={page.items} />
          )}
          {page.nextCursor && (
            <Button variant="light" onClick={() => void loadMore()} loading={more.isPending} w="fit-content">
              {t('users.list.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function UsersTable({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation();
  const format = useUserFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('users.list.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.list.name')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.mobilePhone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={user.id} fw={600}>
                    {fullName(user)}
                  </Anchor>
                  {user.warnings.includes('no_contact') && <NoContactBadge />}
                </Group>
              </Table.Td>
              <Table.Td>{user.birthDate ? format.birthDate(user.birthDate, 'medium') : ''}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {user.mobilePhone ? format.phone(user.mobilePhone) : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** U4 in a list row: an icon and a short word, with the full reason as its accessible description. */
function NoContactBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="light"
      c="dark.9"
      leftSection={<IconBellOff size={12} aria-hidden="true" />}
      title={t('users.noContact.short')}
    >
      {t('users.noContact.badge')}
    </Badge>
  );
}
