// Short confirmations after a change ("Changes saved."), with a localised close button.
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'teal',
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

export function notifyFailure(message: string): void {
  notifications.show({
    title: i18n.t('common.errorTitle'),
    message,
    color: 'red',
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
