// P1: the public page of an organisation (/p/:slug): name, address, phone, locations, and the way into
// online booking (/p/:slug/book). Shown in the organisation's default language unless the visitor chose
// one. Mobile first.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarPlus, IconMapPin, IconPhone } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { usePageTitle } from '../components/usePageTitle';
import { formatPhone } from './formatPhone';
import { PortalLayout } from './PortalLayout';
import { type PublicOrganisation, usePublicOrganisation } from './usePublicOrganisation';

export default function PortalLandingPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const loader = usePublicOrganisation(slug);
  const organisation = loader.data;
  usePageTitle(organisation?.name ?? (loader.isNotFound ? t('portal.notFound.title') : undefined));

  return (
    <PortalLayout>
      {loader.isLoading && <PageLoader />}
      {loader.isNotFound && <OrganisationNotFound />}
      {loader.error && !loader.isNotFound && <ErrorAlert error={loader.error} />}
      {organisation && !loader.isLoading && <OrganisationLanding organisation={organisation} />}
    </PortalLayout>
  );
}

function OrganisationNotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('portal.notFound.title')}</Title>
      <Text>{t('portal.notFound.text')}</Text>
    </Stack>
  );
}

function ContactLine({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size="lg" aria-hidden="true">
        {icon}
      </ThemeIcon>
      <Stack gap={0}>
        <Text size="sm" fw={600} c="dimmed">
          {label}
        </Text>
        {children}
      </Stack>
    </Group>
  );
}

function OrganisationLanding({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation();
  const bookingNoteId = useId();
  const locationsHeadingId = useId();

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={1}>{organisation.name}</Title>
        {organisation.address && (
          <ContactLine icon={<IconMapPin size={20} />} label={t('portal.address')}>
            <Text>{organisation.address}</Text>
          </ContactLine>
        )}
        {organisation.phone && (
          <ContactLine icon={<IconPhone size={20} />} label={t('portal.phone')}>
            <Anchor
              href={`tel:${organisation.phone}`}
              aria-label={t('portal.callUs', { phone: formatPhone(organisation.phone) })}
              fw={600}
            >
              {formatPhone(organisation.phone)}
            </Anchor>
          </ContactLine>
        )}
      </Stack>

      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Text id={bookingNoteId}>{t('portal.bookIntro')}</Text>
          <Button
            component={Link}
            to={`/p/${organisation.slug}/book`}
            size="lg"
            fullWidth
            leftSection={<IconCalendarPlus aria-hidden="true" />}
            aria-describedby={bookingNoteId}
          >
            {t('portal.book')}
          </Button>
          <Text size="sm">
            {t('portal.account.landingHint')}{' '}
            <Anchor component={Link} to={`/p/${organisation.slug}/sign-up`} fw={600}>
              {t('portal.account.createAccount')}
            </Anchor>
          </Text>
        </Stack>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby={locationsHeadingId}>
        <Title order={2} size="h3" id={locationsHeadingId}>
          {t('portal.locations')}
        </Title>
        {organisation.locations.length === 0 && <Text c="dimmed">{t('portal.noLocations')}</Text>}
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {organisation.locations.map((location) => (
            <Card key={location.id} component="li" withBorder radius="md" padding="md">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden="true">
                  <IconMapPin size={20} />
                </ThemeIcon>
                <Stack gap={2}>
                  <Title order={3} size="h5">
                    {location.name}
                  </Title>
                  {location.address && <Text size="sm">{location.address}</Text>}
                </Stack>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
