// Any address the app does not know: a whole page, or the content part inside the admin frame.
import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { MAIN_CONTENT_ID } from './SkipLink';
import { usePageTitle } from './usePageTitle';

export function NotFoundContent() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFound.title'));
  return (
    <Stack>
      <Title order={1}>{t('common.notFound.title')}</Title>
      <Text>{t('common.notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('common.notFound.home')}
      </Anchor>
    </Stack>
  );
}

export function NotFoundPage() {
  return (
    <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="sm" py="xl">
      <Stack>
        <LanguageSwitch />
        <NotFoundContent />
      </Stack>
    </Container>
  );
}
