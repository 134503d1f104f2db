// S1: the organisation's services (motifs) in Settings — a table for every staff member; admins create,
// edit, archive and restore them (POST/PATCH /orgs/{orgId}/services).
import { Badge, Button, ColorSwatch, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { PageLoader } from '../../../components/PageLoader';
import { useApiAction } from '../../../components/useApiAction';
import { useLoader } from '../../../components/useLoader';
import { SettingsCard } from '../SettingsCard';
import { ServiceFormModal } from './ServiceFormModal';
import { isArchived, type Service, serviceName } from './serviceForm';

type Props = { organisationId: string; canEdit: boolean };
type Editing = { service: Service | null } | null;

export function ServicesSection({ organisationId, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const archive = useApiAction();
  const [archivingId, setArchivingId] = useState<string>();
  const loader = useLoader(async () => {
    const path = { orgId: organisationId };
    const [services, locations] = await Promise.all([
      unwrap(api.GET('/api/v1/orgs/{orgId}/services', { params: { path } })),
      unwrap(api.GET('/api/v1/orgs/{orgId}/locations', { params: { path } })),
    ]);
    return { services, locations };
  }, [organisationId]);
  const services = [...(loader.data?.services ?? [])].sort(
    (a, b) =>
      Number(isArchived(a)) - Number(isArchived(b)) ||
      serviceName(a, i18n.language).localeCompare(serviceName(b, i18n.language), i18n.language),
  );

  const replace = (saved: Service) =>
    loader.setData(
      (data) =>
        data && {
          ...data,
          services: data.services.some((s) => s.id === saved.id)
            ? data.services.map((s) => (s.id === saved.id ? saved : s))
            : [...data.services, saved],
        },
    );

  const toggleArchived = async (service: Service) => {
    const archived = !isArchived(service);
    let saved: Service | undefined;
    setArchivingId(service.id);
    const isDone = await archive.run(async () => {
      saved = await unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/services/{serviceId}', {
          params: { path: { orgId: organisationId, serviceId: service.id } },
          body: { archived },
        }),
      );
    });
    setArchivingId(undefined);
    if (isDone && saved) {
      replace(saved);
      const name = serviceName(service, i18n.language);
      notifySuccess(archived ? t('services.archived', { name }) : t('services.restored', { name }));
    }
  };

  return (
    <SettingsCard title={t('services.title')}>
      <Text size="sm">{t('services.intro')}</Text>
      {!canEdit && (
        <Text size="sm" c="dimmed">
          {t('services.readOnly')}
        </Text>
      )}
      <ErrorAlert error={loader.error ?? archive.error} />
      {loader.isLoading && !loader.data && <PageLoader />}
      {loader.data && services.length === 0 && <Text c="dimmed">{t('services.empty')}</Text>}
      {services.length > 0 && (
        <Table striped aria-label={t('services.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('services.name')}</Table.Th>
              <Table.Th scope="col">{t('services.duration')}</Table.Th>
              <Table.Th scope="col">{t('services.capacity')}</Table.Th>
              <Table.Th scope="col">{t('services.online')}</Table.Th>
              <Table.Th scope="col">{t('services.status')}</Table.Th>
              {canEdit && (
                <Table.Th scope="col">
                  <VisuallyHidden>{t('services.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {services.map((service) => {
              const name = serviceName(service, i18n.language);
              const archived = isArchived(service);
              return (
                <Table.Tr key={service.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ColorSwatch color={service.color} size={14} aria-hidden="true" />
                      <Text size="sm" fw={500}>
                        {name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{t('services.minutes', { count: service.durationMinutes })}</Table.Td>
                  <Table.Td>
                    {service.capacity > 1
                      ? t('services.group', { count: service.capacity })
                      : t('services.individual')}
                  </Table.Td>
                  <Table.Td>{service.bookableOnline ? t('services.yes') : t('services.no')}</Table.Td>
                  <Table.Td>
                    {archived ? (
                      <Badge color="gray" variant="light" c="gray.9">
                        {t('services.archivedBadge')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light" c="teal.9">
                        {t('services.activeBadge')}
                      </Badge>
                    )}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden="true" />}
                          aria-label={t('services.editNamed', { name })}
                          onClick={() => setEditing({ service })}
                        >
                          {t('services.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={archived ? 'blue' : 'gray'}
                          c={archived ? undefined : 'gray.8'}
                          leftSection={
                            archived ? (
                              <IconArchiveOff size={14} aria-hidden="true" />
                            ) : (
                              <IconArchive size={14} aria-hidden="true" />
                            )
                          }
                          aria-label={
                            archived
                              ? t('services.restoreNamed', { name })
                              : t('services.archiveNamed', { name })
                          }
                          loading={archivingId === service.id}
                          onClick={() => void toggleArchived(service)}
                        >
                          {archived ? t('services.restore') : t('services.archive')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditing({ service: null })}
          >
            {t('services.add')}
          </Button>
        </Group>
      )}
      {editing && loader.data && (
        <ServiceFormModal
          organisationId={organisationId}
          service={editing.service}
          locations={loader.data.locations}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            replace(saved);
            setEditing(null);
          }}
        />
      )}
    </SettingsCard>
  );
}
