// S1/S11: create or edit a service in a modal: names in both languages, duration, locations or video,
// online booking, capacity, notice, buffers, "one upcoming appointment per person" and colour.
import {
  Button,
  ColorInput,
  em,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ResponseBody, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifySuccess } from '../../../components/notify';
import { useApiAction } from '../../../components/useApiAction';
import {
  emptyServiceForm,
  formToServiceBody,
  type Service,
  type ServiceForm,
  serviceName,
  serviceToForm,
} from './serviceForm';

type Location = ResponseBody<'/api/v1/orgs/{orgId}/locations', 'get'>[number];
type Props = {
  organisationId: string;
  /** null: a new service. */
  service: Service | null;
  locations: Location[];
  onClose: () => void;
  onSaved: (service: Service) => void;
};

const SWATCHES = ['#1c7ed6', '#0c8599', '#2f9e44', '#e67700', '#c2255c', '#7048e8', '#495057'];

export function ServiceFormModal({ organisationId, service, locations, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery(`(max-width: ${em(767.98)})`);
  const [form, setForm] = useState<ServiceForm>(() =>
    service ? serviceToForm(service) : emptyServiceForm(),
  );
  const { run, isPending, error, fieldError } = useApiAction();
  const set = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = formToServiceBody(form);
    let saved: Service | undefined;
    const isDone = await run(async () => {
      saved = service
        ? await unwrap(
            api.PATCH('/api/v1/orgs/{orgId}/services/{serviceId}', {
              params: { path: { orgId: organisationId, serviceId: service.id } },
              body,
            }),
          )
        : await unwrap(
            api.POST('/api/v1/orgs/{orgId}/services', { params: { path: { orgId: organisationId } }, body }),
          );
    });
    if (isDone && saved) {
      notifySuccess(t('services.saved', { name: serviceName(saved, i18n.language) }));
      onSaved(saved);
    }
  };

  const labels = {
    nameFr: t('services.form.nameFr'),
    nameEn: t('services.form.nameEn'),
    duration: t('services.form.duration'),
    capacity: t('services.form.capacity'),
    locations: t('services.form.locations'),
    video: t('services.form.video'),
    online: t('services.form.online'),
    notice: t('services.form.notice'),
    bufferBefore: t('services.form.bufferBefore'),
    bufferAfter: t('services.form.bufferAfter'),
    oneUpcoming: t('services.form.oneUpcoming'),
    color: t('services.form.color'),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={service ? t('services.form.editTitle') : t('services.form.createTitle')}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels.nameFr}
              lang="fr"
              required
              data-autofocus
              value={form.nameFr}
              onChange={(event) => set('nameFr', event.currentTarget.value)}
              error={fieldError('nameFr', labels.nameFr)}
            />
            <TextInput
              label={labels.nameEn}
              lang="en"
              required
              value={form.nameEn}
              onChange={(event) => set('nameEn', event.currentTarget.value)}
              error={fieldError('nameEn', labels.nameEn)}
            />
            <NumberInput
              label={labels.duration}
              required
              min={5}
              max={1440}
              step={5}
              allowDecimal={false}
              value={form.durationMinutes}
              onChange={(value) => set('durationMinutes', value)}
              error={fieldError('durationMinutes', labels.duration)}
            />
            <NumberInput
              label={labels.capacity}
              description={t('services.form.capacityHint')}
              required
              min={1}
              max={500}
              allowDecimal={false}
              value={form.capacity}
              onChange={(value) => set('capacity', value)}
              error={fieldError('capacity', labels.capacity)}
            />
          </SimpleGrid>
          <MultiSelect
            label={labels.locations}
            description={t('services.form.locationsHint')}
            data={locations.map((location) => ({ value: location.id, label: location.name }))}
            value={form.locationIds}
            onChange={(value) => set('locationIds', value)}
            clearable
            searchable
            nothingFoundMessage={t('common.noResults')}
            error={fieldError('locationIds', labels.locations)}
          />
          <Stack gap="sm">
            <Switch
              label={labels.video}
              checked={form.isVideo}
              onChange={(event) => set('isVideo', event.currentTarget.checked)}
              error={fieldError('isVideo', labels.video)}
            />
            <Switch
              label={labels.online}
              description={t('services.form.onlineHint')}
              checked={form.bookableOnline}
              onChange={(event) => set('bookableOnline', event.currentTarget.checked)}
              error={fieldError('bookableOnline', labels.online)}
            />
            <Switch
              label={labels.oneUpcoming}
              description={t('services.form.oneUpcomingHint')}
              checked={form.oneUpcomingPerUser}
              onChange={(event) => set('oneUpcomingPerUser', event.currentTarget.checked)}
              error={fieldError('oneUpcomingPerUser', labels.oneUpcoming)}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={labels.notice}
              description={t('services.form.noticeHint')}
              min={0}
              max={8760}
              decimalScale={2}
              value={form.minNoticeHours}
              onChange={(value) => set('minNoticeHours', value)}
              error={fieldError('minNoticeMinutes', labels.notice)}
            />
            <NumberInput
              label={labels.bufferBefore}
              description={t('services.form.bufferHint')}
              min={0}
              max={240}
              step={5}
              allowDecimal={false}
              value={form.bufferBeforeMinutes}
              onChange={(value) => set('bufferBeforeMinutes', value)}
              error={fieldError('bufferBeforeMinutes', labels.bufferBefore)}
            />
            <NumberInput
              label={labels.bufferAfter}
              description={t('services.form.bufferHint')}
              min={0}
              max={240}
              step={5}
              allowDecimal={false}
              value={form.bufferAfterMinutes}
              onChange={(value) => set('bufferAfterMinutes', value)}
              error={fieldError('bufferAfterMinutes', labels.bufferAfter)}
            />
          </SimpleGrid>
          <ColorInput
            label={labels.color}
            description={t('services.form.colorHint')}
            format="hex"
            withEyeDropper={false}
            swatches={SWATCHES}
            value={form.color}
            onChange={(value) => set('color', value)}
            error={fieldError('color', labels.color)}
            maw={240}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {service ? t('services.form.save') : t('services.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
