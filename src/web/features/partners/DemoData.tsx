import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Group, Stack, Text, ThemeIcon, Title, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconSparkles } from '@tabler/icons-react';
import { api, errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { i18n } from '../../i18n.js';
import { partnersListQuery } from './queries.js';

interface Loaded {
  partners: number;
  contacts: number;
  activities: number;
  colleagues: number;
}

export function useLoadDemoData() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Loaded>('/api/setup/demo-data', { force: false }),
    onSuccess: (r) => {
      // Partners, people, timeline, colleagues: nearly every list changed.
      void qc.invalidateQueries();
      notifications.show({
        color: 'teal',
        title: i18n.t('partners:demo.loadedTitle'),
        message: i18n.t('partners:demo.loaded', {
          partners: i18n.t('partners:demo.partners', { count: r.partners }),
          contacts: i18n.t('partners:demo.contacts', { count: r.contacts }),
          activities: i18n.t('partners:demo.activities', { count: r.activities }),
          colleagues: i18n.t('partners:demo.colleagues', { count: r.colleagues }),
        }),
        autoClose: 10_000,
      });
    },
    onError: (e) => notifications.show({ color: 'red', title: i18n.t('partners:demo.failed'), message: errorMessage(e) }),
  });
}

export function LoadDemoDataButton(props: ButtonProps) {
  const { t } = useTranslation('partners');
  const load = useLoadDemoData();
  return (
    <Button leftSection={<IconDatabaseImport size={16} aria-hidden />} loading={load.isPending} onClick={() => load.mutate()} {...props}>
      {t('demo.load')}
    </Button>
  );
}

/** Whether the installation has no partner yet (archived ones count as having some). */
export function useNoPartnersYet(enabled = true) {
  const q = useQuery({ ...partnersListQuery({ page: 1, pageSize: 1, sort: 'name', archived: 'all' }), enabled });
  return q.data ? q.data.total === 0 : false;
}

/** The home page's offer to an administrator of a new installation. */
export function DemoDataOffer() {
  const { t } = useTranslation('partners');
  const me = useMe();
  const isAdmin = me.can.loadDemoData;
  const empty = useNoPartnersYet(isAdmin);
  if (!isAdmin || !empty) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="demo-offer">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={42} radius="md" variant="light" visibleFrom="xs">
          <IconSparkles size={22} aria-hidden />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1 }}>
          <div>
            <Title order={2} size="h4" id="demo-offer">
              {t('demo.offerTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('demo.offerText')}
            </Text>
          </div>
          <Group gap="sm">
            <LoadDemoDataButton />
            <Button component={Link} to="/partners/new" variant="default">
              {t('demo.addFirst')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
