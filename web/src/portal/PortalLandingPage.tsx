// P1: the public page of an organisation (/p/:slug): name, address, phone, locations, and the booking
// entry point (closed until online booking ships). Shown in the organisation's default language unless the
// visitor chose one. Mobile first.
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCalendarPlus, IconMapPin, IconPhone } from '@tabler/icons-react';
import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type ResponseBody, unwrap } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoader } from '../components/PageLoader';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { useLoader } from '../components/useLoader';
import { usePageTitle } from '../components/usePageTitle';
import i18n from '../i18n';
import { readChosenLanguage } from '../i18n/language';
import { formatPhone } from './formatPhone';

type PublicOrganisation = ResponseBody<'/api/v1/public/organisations/{slug}', 'get'>;

export default function PortalLandingPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const loader = useLoader(
    () => unwrap(api.GET('/api/v1/public/organisations/{slug}', { params: { path: { slug } } })),
    [slug],
  );
  const organisation = loader.data;
  // An unknown slug (404) and a malformed one (400) are the same thing to a visitor.
  const isNotFound = loader.error?.status === 404 || loader.error?.status === 400;
  usePageTitle(organisation?.name ?? (isNotFound ? t('portal.notFound.title') : undefined));

  const defaultLanguage = organisation?.defaultLanguage;
  useEffect(() => {
    if (defaultLanguage && !readChosenLanguage()) void i18n.changeLanguage(defaultLanguage);
  }, [defaultLanguage]);

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} size="lg" c="blue.9">
              {t('common.appName')}
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="md" py="lg" px="md">
        {loader.isLoading && <PageLoader />}
        {isNotFound && <OrganisationNotFound />}
        {loader.error && !isNotFound && <ErrorAlert error={loader.error} />}
        {organisation && !loader.isLoading && <OrganisationLanding organisation={organisation} />}
      </Container>
      <Container component="footer" size="md" pb="lg">
        <Text size="sm" c="dimmed" ta="center">
          {t('portal.poweredBy')}
        </Text>
      </Container>
    </Box>
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
          <Button
            size="lg"
            fullWidth
            disabled
            leftSection={<IconCalendarPlus aria-hidden="true" />}
            aria-describedby={bookingNoteId}
          >
            {t('portal.book')}
          </Button>
          <Alert id={bookingNoteId} variant="light" color="blue" role="note">
            {t('portal.bookingSoon')}
          </Alert>
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
