import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isLocale, pickLocale, type Locale } from '../../../shared/i18n/locales.js';
import type { PatchMeBody } from '../../../shared/schemas/user.js';
import { api } from '../../api.js';
import { useMe } from '../../components/session.js';
import { sessionKeys, type Me } from '../../lib/session.js';
import { switchLocale } from '../../i18n.js';

const BROWSER = 'browser';
const browserLocale = (): Locale => pickLocale(typeof navigator === 'undefined' ? '' : (navigator.languages ?? [navigator.language]).join(','));

/** The profile's language choice, stored on the user so mail, calendar files and every device follow it. */
export function LanguageCard() {
  const { t } = useTranslation(['profile', 'common']);
  const me = useMe();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: PatchMeBody) => api.patch<Me>('/api/me', body),
    onSuccess: async (saved) => {
      qc.setQueryData(sessionKeys.me(), saved);
      await switchLocale(saved.locale ?? browserLocale());
      notifications.show({ color: 'teal', message: t('language.saved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });

  const choose = (value: string | null) => {
    if (!value) return;
    const locale = isLocale(value) ? value : null;
    if (locale !== me.locale) save.mutate({ locale, version: me.user.version });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="language-heading">
      <Title order={2} size="h4" id="language-heading" mb="xs">
        {t('language.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('language.description')}
      </Text>
      <Select
        label={t('common:language.label')}
        data={[
          { value: BROWSER, label: t('language.browser') },
          { value: 'en', label: t('common:language.en') },
          { value: 'de', label: t('common:language.de') },
        ]}
        value={me.locale ?? BROWSER}
        onChange={choose}
        allowDeselect={false}
        disabled={save.isPending}
        maw={320}
      />
    </Card>
  );
}
