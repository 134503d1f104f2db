// /p/:slug/book — online booking (P1–P3, S10), phone first: service → (location) and slot → held slot with
// the guest form or the signed-in user → confirmation page. The steps live in the address (`service`,
// `location`, `week`, `slot`) so the browser's Back button walks back through them.
// A refused booking (ban, service rule, closed service: 409 `not_available`) shows the server's message and
// nothing else; a slot taken meanwhile returns to the slots with the server's message.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type ApiError, asApiError, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useLoader } from '../../components/useLoader';
import { usePageTitle } from '../../components/usePageTitle';
import { PortalLayout } from '../PortalLayout';
import { loadPortalSession, type PortalSession, portalApi } from '../portalClient';
import { type PublicOrganisation, usePublicOrganisation } from '../usePublicOrganisation';
import { DetailsStep } from './DetailsStep';
import { todayIn } from './orgTime';
import { ServiceStep } from './ServiceStep';
import { SlotStep } from './SlotStep';
import type { ConfirmationState, GuestBody, PublicService, PublicSlot } from './types';
import { useHold } from './useHold';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const SLOT_TAKEN_CODES = new Set(['slot_unavailable', 'hold_invalid']);

export default function BookingPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const organisation = usePublicOrganisation(slug);
  const services = useLoader(
    () =>
      unwrap(portalApi.GET('/api/v1/public/organisations/{slug}/services', { params: { path: { slug } } })),
    [slug],
  );
  usePageTitle(t('portal.booking.title'));
  const error = organisation.error ?? services.error;

  return (
    <PortalLayout organisation={organisation.data}>
      <Stack gap="lg">
        <Title order={1}>{t('portal.booking.title')}</Title>
        {(organisation.isLoading || services.isLoading) && <PageLoader />}
        <ErrorAlert error={error} />
        {organisation.data && services.data && !error && (
          <BookingFlow organisation={organisation.data} services={services.data} />
        )}
      </Stack>
    </PortalLayout>
  );
}

function BookingFlow({
  organisation,
  services,
}: {
  organisation: PublicOrganisation;
  services: PublicService[];
}) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const { hold, take, forget, consume } = useHold(organisation.slug);
  const [session, setSession] = useState<PortalSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [pendingSlot, setPendingSlot] = useState<PublicSlot | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);

  useEffect(() => {
    loadPortalSession().then(setSession, () => setSession(null));
  }, []);
  // Server messages are in the language they were asked in: a new language starts the step afresh.
  useEffect(() => {
    const clear = () => {
      setNotice(null);
      setRefusal(null);
      setSubmitError(null);
    };
    i18n.on('languageChanged', clear);
    return () => i18n.off('languageChanged', clear);
  }, [i18n]);

  const today = todayIn(organisation.timeZone);
  const service = services.find((s) => s.id === searchParams.get('service'));
  const locationId = service?.locationIds.find((id) => id === searchParams.get('location')) ?? null;
  const weekParam = searchParams.get('week') ?? '';
  const weekStart = DATE_PATTERN.test(weekParam) && weekParam > today ? weekParam : today;
  const step = refusal !== null ? 'refused' : !service ? 'service' : hold ? 'details' : 'slots';

  // Focus moves to a step's heading once the person has moved between steps (not on arrival).
  const firstStep = useRef(step);
  const hasMoved = useRef(false);
  if (step !== firstStep.current) hasMoved.current = true;

  const changeParams = useCallback(
    (change: Record<string, string | null>, replace = false) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(change)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      ),
    [setSearchParams],
  );

  const pick = async (slot: PublicSlot) => {
    if (!service) return;
    setPendingSlot(slot);
    setNotice(null);
    setSubmitError(null);
    try {
      await take(service.id, slot);
    } catch (caught) {
      setNotice(asApiError(caught).message);
      setRevision((value) => value + 1);
    } finally {
      setPendingSlot(null);
    }
  };

  const submit = async (guest: GuestBody | undefined) => {
    if (!hold || !service) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const booking = await unwrap(
        portalApi.POST('/api/v1/public/organisations/{slug}/bookings', {
          params: { path: { slug: organisation.slug } },
          body: { holdToken: hold.token, ...(guest ? { guest } : {}) },
        }),
      );
      consume();
      const location = organisation.locations.find((l) => l.id === hold.locationId);
      const state: ConfirmationState = {
        booking,
        serviceName: { fr: service.nameFr, en: service.nameEn },
        isVideo: service.isVideo,
        location: location ? { name: location.name, address: location.address } : null,
      };
      navigate(`/p/${organisation.slug}/confirmation`, { replace: true, state });
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.code === 'not_available') {
        // The server already freed the slot. Only its message is shown: nothing hints at why.
        forget();
        setRefusal(failure.message);
      } else if (SLOT_TAKEN_CODES.has(failure.code)) {
        forget();
        setNotice(failure.message);
        setRevision((value) => value + 1);
      } else {
        setSubmitError(failure);
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (step === 'refused')
    return (
      <Alert role="alert" color="gray" variant="light">
        <Text c="dark.9">{refusal}</Text>
      </Alert>
    );
  if (!service)
    return (
      <ServiceStep
        organisation={organisation}
        services={services}
        focusOnMount={hasMoved.current}
        onChoose={(chosen) => {
          setNotice(null);
          changeParams({ service: chosen.id, location: null, week: null });
        }}
      />
    );
  if (hold)
    return (
      <DetailsStep
        organisation={organisation}
        service={service}
        hold={hold}
        session={session}
        onSessionChange={setSession}
        onSubmit={(guest) => void submit(guest)}
        onChangeTime={() => navigate(-1)}
        isSubmitting={isSubmitting}
        submitError={submitError}
        focusOnMount={hasMoved.current}
      />
    );
  return (
    <SlotStep
      organisation={organisation}
      service={service}
      locationId={locationId}
      weekStart={weekStart}
      revision={revision}
      notice={notice}
      pendingSlot={pendingSlot}
      focusOnMount={hasMoved.current}
      onLocationChange={(id) => changeParams({ location: id }, true)}
      onWeekChange={(week) => changeParams({ week: week === today ? null : week }, true)}
      onPick={(slot) => void pick(slot)}
      onChangeService={() => changeParams({ service: null, location: null, week: null })}
    />
  );
}
