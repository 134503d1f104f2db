// Locations of the organisation: the list, and for admins a form to add one (POST /orgs/{orgId}/locations).
import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { SettingsCard } from './SettingsCard';

type Location = ResponseBody<'/api/v1/orgs/{orgId}/locations', 'get'>[number];
type Props = { organisationId: string; canEdit: boolean };

export function LocationsSection({ organisationId, canEdit }: Props) {
  const { t } = useTranslation();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/orgs/{orgId}/locations', { params: { path: { orgId: organisationId } } })),
    [organisationId],
  );
  const locations = loader.data ?? [];

  return (
    <SettingsCard title={t('settings.locations.title')}>
      <ErrorAlert error={loader.error} />
      {loader.isLoading && !loader.data && <PageLoader />}
      {loader.data && locations.length === 0 && <Text c="dimmed">{t('settings.locations.empty')}</Text>}
      {locations.length > 0 && (
        <Table striped aria-label={t('settings.locations.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('settings.locations.name')}</Table.Th>
              <Table.Th scope="col">{t('settings.locations.address')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {locations.map((location) => (
              <Table.Tr key={location.id}>
                <Table.Td>{location.name}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{location.address}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <AddLocationForm
          organisationId={organisationId}
          onAdded={(location) => loader.setData((list) => [...(list ?? []), location])}
        />
      )}
    </SettingsCard>
  );
}

function AddLocationForm({
  organisationId,
  onAdded,
}: {
  organisationId: string;
  onAdded: (location: Location) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const { run, isPending, error, fieldError } = useApiAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), address: address.trim() || null };
    const added = await run(async () => {
      const location = await unwrap(
        api.POST('/api/v1/orgs/{orgId}/locations', { params: { path: { orgId: organisationId } }, body }),
      );
      onAdded(location);
    });
    if (added) {
      notifySuccess(t('settings.locations.added', { name: body.name }));
      setName('');
      setAddress('');
    }
  };

  const nameLabel = t('settings.locations.name');
  const addressLabel = t('settings.locations.address');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.locations.addTitle')}
        </Title>
        <ErrorAlert error={error} />
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={nameLabel}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError('name', nameLabel)}
            miw={200}
          />
          <TextInput
            label={addressLabel}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={fieldError('address', addressLabel)}
            miw={200}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            loading={isPending}
          >
            {t('settings.locations.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
