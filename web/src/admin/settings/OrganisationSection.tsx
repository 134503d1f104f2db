// Organisation details (PATCH /orgs/{orgId}); read-only for agents and providers.
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ResponseBody, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { useApiAction } from '../../components/useApiAction';
import { useLoader } from '../../components/useLoader';
import { LANGUAGES, type Language } from '../../i18n/language';
import { useAdminSession } from '../session';
import { SettingsCard } from './SettingsCard';

type Organisation = ResponseBody<'/api/v1/orgs/{orgId}', 'get'>;
type Props = { organisationId: string; canEdit: boolean };

export function OrganisationSection({ organisationId, canEdit }: Props) {
  const { t } = useTranslation();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/orgs/{orgId}', { params: { path: { orgId: organisationId } } })),
    [organisationId],
  );
  return (
    <SettingsCard title={t('settings.organisation.title')}>
      <ErrorAlert error={loader.error} />
      {loader.isLoading && <PageLoader />}
      {loader.data && <OrganisationForm organisation={loader.data} canEdit={canEdit} />}
    </SettingsCard>
  );
}

function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

function OrganisationForm({ organisation, canEdit }: { organisation: Organisation; canEdit: boolean }) {
  const { t } = useTranslation();
  const { reloadSession } = useAdminSession();
  const [name, setName] = useState(organisation.name);
  const [timeZone, setTimeZone] = useState(organisation.timeZone);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(organisation.defaultLanguage);
  const [phone, setPhone] = useState(organisation.phone ?? '');
  const [address, setAddress] = useState(organisation.address ?? '');
  const { run, isPending, error, fieldError } = useApiAction();
  const timeZones = useMemo(() => timeZoneOptions(organisation.timeZone), [organisation.timeZone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      timeZone,
      defaultLanguage,
      phone: phone.trim() || null,
      address: address.trim() || null,
    };
    const saved = await run(async () => {
      await unwrap(api.PATCH('/api/v1/orgs/{orgId}', { params: { path: { orgId: organisation.id } }, body }));
      // The organisation's name and time zone also appear in the session (the picker).
      await reloadSession();
    });
    if (saved) notifySuccess(t('settings.organisation.saved'));
  };

  const labels = {
    name: t('settings.organisation.name'),
    timeZone: t('settings.organisation.timeZone'),
    defaultLanguage: t('settings.organisation.defaultLanguage'),
    phone: t('settings.organisation.phone'),
    address: t('settings.organisation.address'),
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t('settings.organisation.publicPage')}{' '}
          <Anchor component={Link} to={`/p/${organisation.slug}`}>
            /p/{organisation.slug}
          </Anchor>
        </Text>
        {!canEdit && (
          <Text size="sm" c="dimmed">
            {t('settings.organisation.readOnly')}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels.name}
              required={canEdit}
              readOnly={!canEdit}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldError('name', labels.name)}
            />
            <Select
              label={labels.timeZone}
              required={canEdit}
              readOnly={!canEdit}
              searchable
              data={timeZones}
              value={timeZone}
              onChange={(value) => value && setTimeZone(value)}
              allowDeselect={false}
              nothingFoundMessage={t('common.noResults')}
              error={fieldError('timeZone', labels.timeZone)}
            />
            <Select
              label={labels.defaultLanguage}
              required={canEdit}
              readOnly={!canEdit}
              data={LANGUAGES.map((language) => ({
                value: language,
                label: t(`common.languageNames.${language}`),
              }))}
              value={defaultLanguage}
              onChange={(value) => value && setDefaultLanguage(value as Language)}
              allowDeselect={false}
              error={fieldError('defaultLanguage', labels.defaultLanguage)}
            />
            <TextInput
              label={labels.phone}
              type="tel"
              autoComplete="tel"
              readOnly={!canEdit}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={fieldError('phone', labels.phone)}
            />
          </SimpleGrid>
          <Textarea
            label={labels.address}
            autosize
            minRows={2}
            readOnly={!canEdit}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={fieldError('address', labels.address)}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={isPending}>
                {t('settings.organisation.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Stack>
    </form>
  );
}
