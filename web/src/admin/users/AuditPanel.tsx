// Who opened this record and when (A4), for the organisation's admins.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { useUserFormat } from './format';

type Props = { organisationId: string; userId: string; revision: number };

export function AuditPanel({ organisationId, userId, revision }: Props) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const loader = useLoader(
    () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/audit', {
          params: { path: { orgId: organisationId }, query: { userId, limit: 100 } },
        }),
      ),
    [organisationId, userId, revision],
  );
  if (loader.error) return <ErrorAlert error={loader.error} />;
  if (!loader.data) return <PageLoader />;
  if (!loader.data.length) return <Text c="dimmed">{t('users.audit.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped aria-label={t('users.audit.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.audit.when')}</Table.Th>
            <Table.Th scope="col">{t('users.audit.who')}</Table.Th>
            <Table.Th scope="col">{t('users.audit.what')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loader.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              </Table.Td>
              <Table.Td>{entry.staffName}</Table.Td>
              <Table.Td>{entry.action === 'view' ? t('users.audit.viewed') : entry.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
