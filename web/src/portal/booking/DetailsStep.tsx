// Booking step 3 (P1, S10): the held slot with its countdown, then who is booking — a guest (first name, last
// name, an email or a mobile) or the signed-in user (no fields) — and the confirmation button.
// "Change the time" releases the hold and goes back to the slots.
import { Anchor, Button, Card, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconCalendarEvent, IconMapPin, IconVideo } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLanguage } from '../../i18n';
import { type PortalSession, signOutOfPortal } from '../portalClient';
import { SignInForm } from '../space/SignInForm';
import type { PublicOrganisation } from '../usePublicOrganisation';
import { HoldCountdown } from './HoldCountdown';
import { formatDateTime, timeZoneName } from './orgTime';
import { StepHeading } from './StepHeading';
import { type GuestBody, type Hold, type PublicService, serviceName } from './types';

type Props = {
  organisation: PublicOrganisation;
  service: PublicService;
  hold: Hold;
  session: PortalSession | null;
  onSessionChange: (session: PortalSession | null) => void;
  onSubmit: (guest: GuestBody | undefined) => void;
  onChangeTime: () => void;
  isSubmitting: boolean;
  submitError: ApiError | null;
  focusOnMount: boolean;
};

export function DetailsStep(props: Props) {
  const { organisation, service, hold, session } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const [isSigningIn, setSigningIn] = useState(false);
  const location = organisation.locations.find((l) => l.id === hold.locationId);

  return (
    <Stack gap="md">
      <StepHeading focusOnMount={props.focusOnMount}>{t('portal.booking.yourDetails')}</StepHeading>
      <Card
        withBorder
        radius="md"
        padding="md"
        component="section"
        aria-label={t('portal.booking.chosenSlot')}
      >
        <Stack gap="xs">
          <Text fw={700}>{serviceName(service, language)}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCalendarEvent size={18} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
            <Text>
              {formatDateTime(hold.startsAt, organisation.timeZone, language)}{' '}
              <Text span size="sm" c="dimmed">
                ({timeZoneName(organisation.timeZone, language)})
              </Text>
            </Text>
          </Group>
          {service.isVideo ? (
            <Group gap="xs" wrap="nowrap">
              <IconVideo size={18} aria-hidden="true" />
              <Text>{t('portal.booking.videoMeeting')}</Text>
            </Group>
          ) : (
            location && (
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconMapPin size={18} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
                <Text>
                  {location.name}
                  {location.address ? ` — ${location.address}` : ''}
                </Text>
              </Group>
            )
          )}
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            leftSection={<IconArrowLeft size={14} aria-hidden="true" />}
            onClick={props.onChangeTime}
          >
            {t('portal.booking.changeTime')}
          </Button>
        </Stack>
      </Card>
      <HoldCountdown expiresAt={hold.expiresAt} />
      {session ? (
        <SignedInBooking {...props} session={session} />
      ) : isSigningIn ? (
        <Stack gap="sm">
          <Text>{t('portal.booking.signInIntro')}</Text>
          <SignInForm
            submitLabel={t('portal.booking.signInAndContinue')}
            forgotInNewTab
            onSignedIn={(signedIn) => {
              setSigningIn(false);
              props.onSessionChange(signedIn);
            }}
          />
          <Button variant="subtle" onClick={() => setSigningIn(false)}>
            {t('portal.booking.bookAsGuest')}
          </Button>
        </Stack>
      ) : (
        <GuestForm {...props} onSignIn={() => setSigningIn(true)} />
      )}
    </Stack>
  );
}

function SignedInBooking(props: Props & { session: PortalSession }) {
  const { t } = useTranslation();
  const { profile, email } = props.session;
  const [isSigningOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    try {
      await signOutOfPortal();
      props.onSessionChange(null);
    } finally {
      setSigningOut(false);
    }
  };
  return (
    <Stack gap="sm">
      <ErrorAlert error={props.submitError} />
      <Text>
        {t('portal.booking.bookingAs', { name: `${profile.firstName} ${profile.lastName}`, email })}
      </Text>
      <Button size="lg" fullWidth loading={props.isSubmitting} onClick={() => props.onSubmit(undefined)}>
        {t('portal.booking.confirm')}
      </Button>
      <Button variant="subtle" loading={isSigningOut} onClick={() => void signOut()}>
        {t('portal.booking.notYou')}
      </Button>
    </Stack>
  );
}

type Guest = { firstName: string; lastName: string; email: string; mobilePhone: string };
type GuestErrors = Partial<Record<keyof Guest, string>>;

/** What is missing, before asking the server: both names, and an email or a mobile. */
function missingGuestFields(guest: Guest): { field: keyof Guest; problem: 'required' | 'contact' }[] {
  const missing: { field: keyof Guest; problem: 'required' | 'contact' }[] = [];
  if (!guest.firstName.trim()) missing.push({ field: 'firstName', problem: 'required' });
  if (!guest.lastName.trim()) missing.push({ field: 'lastName', problem: 'required' });
  if (!guest.email.trim() && !guest.mobilePhone.trim()) missing.push({ field: 'email', problem: 'contact' });
  return missing;
}

function GuestForm(props: Props & { onSignIn: () => void }) {
  const { t } = useTranslation();
  const [guest, setGuest] = useState<Guest>({ firstName: '', lastName: '', email: '', mobilePhone: '' });
  const [errors, setErrors] = useState<GuestErrors>({});
  const serverFields = props.submitError?.fields ?? {};
  const fieldError = (field: keyof Guest) =>
    errors[field] ?? serverFields[`guest.${field}`] ?? serverFields[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingGuestFields(guest);
    setErrors(
      Object.fromEntries(
        missing.map(({ field, problem }) => [
          field,
          problem === 'contact' ? t('portal.booking.contactRequired') : t('portal.booking.required'),
        ]),
      ),
    );
    const first = missing[0];
    if (first) {
      const form = event.currentTarget as HTMLFormElement;
      form.querySelector<HTMLInputElement>(`[name="${first.field}"]`)?.focus();
      return;
    }
    props.onSubmit({
      firstName: guest.firstName.trim(),
      lastName: guest.lastName.trim(),
      email: guest.email.trim() || null,
      mobilePhone: guest.mobilePhone.trim() || null,
    });
  };
  const field = (name: keyof Guest) => ({
    name,
    value: guest[name],
    error: fieldError(name),
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const value = event.currentTarget.value;
      setGuest((previous) => ({ ...previous, [name]: value }));
      // Typing answers the field's complaint (and a mobile answers the missing contact too).
      const isContact = name === 'email' || name === 'mobilePhone';
      setErrors((previous) => ({
        ...previous,
        [name]: undefined,
        ...(isContact ? { email: undefined } : {}),
      }));
    },
  });

  return (
    <Stack gap="sm">
      <Text>
        {t('portal.booking.haveAccount')}{' '}
        <Anchor component="button" type="button" onClick={props.onSignIn} fw={600}>
          {t('portal.booking.signIn')}
        </Anchor>
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('portal.booking.guestForm')}>
        <Stack gap="sm">
          <ErrorAlert error={props.submitError} />
          <TextInput
            label={t('portal.booking.firstName')}
            autoComplete="given-name"
            required
            {...field('firstName')}
          />
          <TextInput
            label={t('portal.booking.lastName')}
            autoComplete="family-name"
            required
            {...field('lastName')}
          />
          <Fieldset
            legend={t('portal.booking.contactLegend')}
            variant="unstyled"
            styles={{ root: { padding: 0, margin: 0, border: 0 }, legend: { fontWeight: 600, padding: 0 } }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('portal.booking.contactHint')}</Text>
              <TextInput
                label={t('portal.booking.email')}
                type="email"
                autoComplete="email"
                inputMode="email"
                {...field('email')}
              />
              <TextInput
                label={t('portal.booking.mobilePhone')}
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                {...field('mobilePhone')}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" size="lg" fullWidth loading={props.isSubmitting}>
            {t('portal.booking.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
