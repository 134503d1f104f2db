// U5: invite the user to create their portal account, by email or SMS. Each channel is offered only when the
// record has that contact and no portal account yet; the message goes to the outbox.
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useApiAction } from '../../components/useApiAction';
import { useUserFormat } from './format';
import { Notice } from './Notice';
import type { UserDetail } from './types';

type Channel = 'email' | 'sms';
type Props = { organisationId: string; user: UserDetail; onInvited: () => void };

export function InviteButton({ organisationId, user, onInvited }: Props) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSend size={16} aria-hidden="true" />}
        onClick={() => setOpen(true)}
      >
        {t('users.invite.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={t('users.invite.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {isOpen && (
          <InviteForm
            organisationId={organisationId}
            user={user}
            onClose={(isSent) => {
              setOpen(false);
              if (isSent) onInvited();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function InviteForm({
  organisationId,
  user,
  onClose,
}: {
  organisationId: string;
  user: UserDetail;
  onClose: (isSent: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useUserFormat();
  const { run, isPending, error, fieldError } = useApiAction();
  const contacts: Record<Channel, string | null> = {
    email: user.email,
    sms: user.mobilePhone ? format.phone(user.mobilePhone) : null,
  };
  const isAvailable = (channel: Channel) => !user.hasPortalAccount && contacts[channel] !== null;
  const [channel, setChannel] = useState<Channel | null>(
    isAvailable('email') ? 'email' : isAvailable('sms') ? 'sms' : null,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!channel) return;
    const isDone = await run(() =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/users/{userId}/invitations', {
          params: { path: { orgId: organisationId, userId: user.id } },
          body: { channel },
        }),
      ),
    );
    if (isDone) {
      notifySuccess(t(channel === 'email' ? 'users.invite.sentEmail' : 'users.invite.sentSms'));
      onClose(true);
    }
  };

  const description = (option: Channel) => {
    if (user.hasPortalAccount) return t('users.invite.hasAccount');
    const contact = contacts[option];
    if (contact) return contact;
    return option === 'email' ? t('users.invite.noEmail') : t('users.invite.noMobile');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('users.invite.intro')}</Text>
        {user.hasPortalAccount && (
          <Notice role="note" color="blue">
            {t('users.invite.hasAccount')}
          </Notice>
        )}
        <ErrorAlert error={error} />
        <Radio.Group
          label={t('users.invite.channel')}
          value={channel}
          onChange={(value) => setChannel(value === 'sms' ? 'sms' : 'email')}
          error={fieldError('channel', t('users.invite.channel'))}
        >
          <Stack gap="sm" mt="xs">
            {(['email', 'sms'] as const).map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(option === 'email' ? 'users.invite.byEmail' : 'users.invite.bySms')}
                description={description(option)}
                disabled={!isAvailable(option)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending} disabled={!channel}>
            {t('users.invite.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
