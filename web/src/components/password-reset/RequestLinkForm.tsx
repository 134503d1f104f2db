// "Forgot your password?", the part staff and portal share: the email, then "check your inbox". The server
// answers the same whether or not the address has an account, so the message says "if". A sign-in form links
// to the page with the email typed so far in the location state; it is filled in here. Each page keeps its
// layout, its endpoint (`requestLink`) and its texts.
import { Alert, Button, type MantineSize, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ErrorAlert } from '../ErrorAlert';
import { useApiAction } from '../useApiAction';

export type RequestLinkTexts = {
  /** The form's accessible name (the page title). */
  formLabel: string;
  intro: string;
  emailLabel: string;
  submit: string;
  sentTitle: string;
  sentText: (email: string) => string;
  /** When given, an empty email is refused here with this message instead of by the server. */
  required?: string;
};

type Props = {
  texts: RequestLinkTexts;
  /** Sends the request for the trimmed address; rejects with the API error. */
  requestLink: (email: string) => Promise<unknown>;
  /** The size of the intro text and the button. */
  size: MantineSize;
  emailInputProps?: Pick<TextInputProps, 'name' | 'autoComplete' | 'withAsterisk'>;
};

export function RequestLinkForm({ texts, requestLink, size, emailInputProps }: Props) {
  const location = useLocation();
  const typed = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof typed === 'string' ? typed : '');
  const [localError, setLocalError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sentTo) sent.current?.focus();
  }, [sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (texts.required !== undefined) {
      setLocalError(address ? undefined : texts.required);
      if (!address) return;
    }
    const isDone = await run(() => requestLink(address));
    if (isDone) setSentTo(address);
  };

  if (sentTo)
    return (
      <Alert
        ref={sent}
        tabIndex={-1}
        color="teal"
        variant="light"
        icon={<IconMailCheck aria-hidden="true" />}
        title={texts.sentTitle}
        // Mantine's teal title lacks contrast on the light teal background (WCAG 1.4.3).
        styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
      >
        <Text c="dark.9">{texts.sentText(sentTo)}</Text>
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={texts.formLabel}>
      <Stack gap="md">
        <Text size={size}>{texts.intro}</Text>
        <ErrorAlert error={error} />
        <TextInput
          label={texts.emailLabel}
          type="email"
          required
          {...emailInputProps}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={localError ?? fieldError('email', texts.emailLabel)}
        />
        <Button type="submit" size={size} fullWidth loading={isPending}>
          {texts.submit}
        </Button>
      </Stack>
    </form>
  );
}
