// V4: the repeat of a new meeting — none, daily, weekly or monthly at the same local time — ending after a
// number of meetings or on a last date (inclusive). When one occurrence collides with the host's schedule,
// the server names it (`occurrences.<n>`) and its message shows here, under the repeat.
import { Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { MeetingForm } from './meetingForm';

type Props = {
  form: MeetingForm;
  onChange: (changes: Partial<MeetingForm>) => void;
  error: ApiError | null;
  fieldError: (path: string, label: string) => string | undefined;
};

const MAX_OCCURRENCES = 52;

export function RecurrenceFields({ form, onChange, error, fieldError }: Props) {
  const { t } = useTranslation();
  const labels = {
    repeat: t('meetings.form.repeat'),
    count: t('meetings.form.count'),
    untilDate: t('meetings.form.untilDate'),
    occurrence: t('meetings.form.occurrence'),
  };
  const busyOccurrence = Object.keys(error?.fields ?? {}).find((path) => path.startsWith('occurrences.'));
  const busyMessage = busyOccurrence && fieldError(busyOccurrence, labels.occurrence);
  return (
    <Stack gap="sm">
      <Select
        label={labels.repeat}
        data={[
          { value: 'none', label: t('meetings.form.repeatNone') },
          { value: 'daily', label: t('meetings.form.daily') },
          { value: 'weekly', label: t('meetings.form.weekly') },
          { value: 'monthly', label: t('meetings.form.monthly') },
        ]}
        value={form.repeat}
        onChange={(value) => value && onChange({ repeat: value as MeetingForm['repeat'] })}
        allowDeselect={false}
        error={fieldError('recurrence', labels.repeat)}
      />
      {form.repeat !== 'none' && (
        <>
          <Radio.Group
            label={t('meetings.form.ends')}
            value={form.ends}
            onChange={(value) => onChange({ ends: value as MeetingForm['ends'] })}
          >
            <Group gap="lg" mt="xs">
              <Radio value="count" label={t('meetings.form.endsCount')} />
              <Radio value="until" label={t('meetings.form.endsUntil')} />
            </Group>
          </Radio.Group>
          {form.ends === 'count' ? (
            <NumberInput
              label={labels.count}
              required
              min={2}
              max={MAX_OCCURRENCES}
              allowDecimal={false}
              value={form.count}
              onChange={(value) => onChange({ count: value })}
              error={fieldError('recurrence.count', labels.count)}
            />
          ) : (
            <TextInput
              type="date"
              label={labels.untilDate}
              required
              value={form.untilDate}
              onChange={(event) => onChange({ untilDate: event.currentTarget.value })}
              error={fieldError('recurrence.untilDate', labels.untilDate)}
            />
          )}
        </>
      )}
      {busyMessage && (
        <Text size="sm" c="red.8">
          {busyMessage}
        </Text>
      )}
    </Stack>
  );
}
