import { Alert, Button, Card, Code, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';

/** Administration → Backup: the whole installation as one file (GET /api/admin/backup), and how to restore it. */
export function BackupPage() {
  const { t } = useTranslation('backup');
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <Stack gap="lg" maw={760}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('download.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('download.body')}
          </Text>
          {/* A plain link: the browser streams the file to disk with the session cookie; a GET needs no CSRF token. */}
          <Button component="a" href="/api/admin/backup" download leftSection={<IconDatabaseExport size={16} aria-hidden />} w="fit-content">
            {t('download.button')}
          </Button>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('restore.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('restore.body')}
          </Text>
          <Code block>{t('restore.command')}</Code>
        </Card>
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('careful.title')}>
          {t('careful.body')}
        </Alert>
      </Stack>
    </>
  );
}
