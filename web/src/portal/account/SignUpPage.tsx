// /p/:slug/sign-up — self sign-up (P4): first and last name, email, password and language; then "check your
// inbox" with the address, and a way to send the link again. The account stays unconfirmed until the link
// is followed (VerifyEmailPage). The server answers the same for an address that already has an account.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageLoader } from '../../components/PageLoader';
import { PasswordField } from '../../components/PasswordField';
import { useApiAction } from '../../components/useApiAction';
import { usePageTitle } from '../../components/usePageTitle';
import { isLanguage, LANGUAGES } from '../../i18n/language';
import { PortalLayout } from '../PortalLayout';
import { portalApi } from '../portalClient';
import { type PublicOrganisation, usePublicOrganisation } from '../usePublicOrganisation';
import { MIN_PASSWORD_LENGTH } from './password-rule';
import { ResendVerification } from './ResendVerification';

export default function SignUpPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const loader = usePublicOrganisation(slug);
  usePageTitle(t('portal.account.signUpTitle'));
  if (loader.isNotFound) return <NotFoundPage />;
  const organisation = loader.data;
  return (
    <PortalLayout organisation={organisation}>
      <Stack gap="lg" maw={480}>
        <Title order={1}>{t('portal.account.signUpTitle')}</Title>
        {loader.isLoading && <PageLoader />}
        <ErrorAlert error={loader.error} />
        {organisation && <SignUpForm organisation={organisation} />}
      </Stack>
    </PortalLayout>
  );
}

type Fields = { firstName: string; lastName: string; email: string; password: string };

function SignUpForm({ organisation }: { organisation: PublicOrganisation }) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<Fields>({ firstName: '', lastName: '', email: '', password: '' });
  const [language, setLanguage] = useState(isLanguage(i18n.language) ? i18n.language : 'fr');
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [sentTo, setSentTo] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) sent.current?.focus();
  }, [sentTo]);

  const set = (name: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<keyof Fields, string>> = {};
    for (const name of ['firstName', 'lastName', 'email'] as const)
      if (!fields[name].trim()) missing[name] = t('portal.booking.required');
    if (fields.password.length < MIN_PASSWORD_LENGTH)
      missing.password = t('portal.invitation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    setLocalErrors(missing);
    if (Object.keys(missing).length) return;
    const isDone = await run(() =>
      unwrap(
        portalApi.POST('/api/v1/public/organisations/{slug}/sign-up', {
          params: { path: { slug: organisation.slug } },
          body: { ...fields, email: fields.email.trim(), language },
        }),
      ),
    );
    if (isDone) setSentTo(fields.email.trim());
  };

  if (sentTo)
    return (
      <Alert
        ref={sent}
        tabIndex={-1}
        color="teal"
        variant="light"
        icon={<IconMailCheck aria-hidden="true" />}
        title={t('portal.account.sentTitle')}
        // Mantine's teal title lacks contrast on the light teal background (WCAG 1.4.3).
        styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
      >
        <Stack gap="sm">
          <Text c="dark.9">{t('portal.account.sentText', { email: sentTo })}</Text>
          <ResendVerification email={sentTo} />
        </Stack>
      </Alert>
    );

  const label = {
    firstName: t('portal.booking.firstName'),
    lastName: t('portal.booking.lastName'),
    email: t('portal.space.email'),
    password: t('portal.space.password'),
  };
  const errorOf = (name: keyof Fields) => localErrors[name] ?? fieldError(name, label[name]);
  return (
    <form onSubmit={submit} noValidate aria-label={t('portal.account.signUpTitle')}>
      <Stack gap="md">
        <Text>{t('portal.account.signUpIntro', { organisation: organisation.name })}</Text>
        <ErrorAlert error={error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={label.firstName}
            autoComplete="given-name"
            required
            value={fields.firstName}
            onChange={set('firstName')}
            error={errorOf('firstName')}
          />
          <TextInput
            label={label.lastName}
            autoComplete="family-name"
            required
            value={fields.lastName}
            onChange={set('lastName')}
            error={errorOf('lastName')}
          />
        </SimpleGrid>
        <TextInput
          label={label.email}
          description={t('portal.account.emailHint')}
          type="email"
          autoComplete="email"
          required
          value={fields.email}
          onChange={set('email')}
          error={errorOf('email')}
        />
        <PasswordField
          label={label.password}
          description={t('portal.invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={fields.password}
          onChange={set('password')}
          error={errorOf('password')}
        />
        <Radio.Group
          label={t('portal.preferences.language')}
          value={language}
          onChange={(value) => {
            if (isLanguage(value)) setLanguage(value);
          }}
        >
          <Group gap="md" mt="xs">
            {LANGUAGES.map((option) => (
              <Radio
                key={option}
                value={option}
                label={<span lang={option}>{t(`common.language.${option}`)}</span>}
              />
            ))}
          </Group>
        </Radio.Group>
        <Button type="submit" size="md" fullWidth loading={isPending}>
          {t('portal.account.signUpSubmit')}
        </Button>
        <Text size="sm">
          {t('portal.account.haveAccount')}{' '}
          <Anchor component={Link} to={`/portal?org=${organisation.slug}`}>
            {t('portal.space.signIn')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
