// Following a password-reset link, the part staff and portal share: for which address, the new password
// (checked against the rule before sending), then the page's `onDone` (the server has signed this session
// in). A link spent or replaced while the page was open offers a new one. Each page keeps its layout, its
// endpoint (`setPassword`) and its texts.

import type { PasswordInputProps } from '@mantine/core';
import { Anchor, Button, type MantineSize, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../ErrorAlert';
import { PasswordField } from '../PasswordField';
import { useApiAction } from '../useApiAction';
import { MIN_PASSWORD_LENGTH } from './password-rule';

export type NewPasswordTexts = {
  /** The form's accessible name (the page title). */
  formLabel: string;
  /** Says for which address the link is. */
  intro: string;
  passwordLabel: string;
  hint: (min: number) => string;
  tooShort: (min: number) => string;
  submit: string;
  askNewLink: string;
};

type Props = {
  /** The address the link is for (for the text and for password managers). */
  email: string;
  texts: NewPasswordTexts;
  /** The page where a new link is asked for. */
  newLinkPath: string;
  /** Sends the new password; rejects with the API error. */
  setPassword: (password: string) => Promise<unknown>;
  onDone: () => void;
  /** The size of the intro text and the button. */
  size: MantineSize;
  passwordInputProps?: Pick<PasswordInputProps, 'name'>;
};

/** The way to ask for a new link, after an unknown, used or expired one. */
export function AskNewLinkAnchor({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} fw={600}>
      {children}
    </Anchor>
  );
}

export function NewPasswordForm({
  email,
  texts,
  newLinkPath,
  setPassword,
  onDone,
  size,
  passwordInputProps,
}: Props) {
  const [password, setPasswordValue] = useState('');
  const [localError, setLocalError] = useState<string>();
  const { run, isPending, error, fieldError } = useApiAction();
  // The link was spent or replaced while the page was open: offer a new one.
  const isLinkRefused = error?.code.startsWith('reset_link_') ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isTooShort = password.length < MIN_PASSWORD_LENGTH;
    setLocalError(isTooShort ? texts.tooShort(MIN_PASSWORD_LENGTH) : undefined);
    if (isTooShort) return;
    const isDone = await run(() => setPassword(password));
    if (isDone) onDone();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={texts.formLabel}>
      <Stack gap="md">
        <Text size={size}>{texts.intro}</Text>
        <ErrorAlert error={error} />
        {isLinkRefused && <AskNewLinkAnchor to={newLinkPath}>{texts.askNewLink}</AskNewLinkAnchor>}
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <PasswordField
          label={texts.passwordLabel}
          description={texts.hint(MIN_PASSWORD_LENGTH)}
          {...passwordInputProps}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPasswordValue(event.currentTarget.value)}
          error={localError ?? fieldError('password', texts.passwordLabel)}
        />
        <Button type="submit" size={size} fullWidth loading={isPending}>
          {texts.submit}
        </Button>
      </Stack>
    </form>
  );
}
