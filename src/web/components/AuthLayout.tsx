import type { ReactNode } from 'react';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Logo } from './Logo.js';
import classes from './AuthLayout.module.css';

/** The frame of the pages before sign-in: first-run and sign-in. */
export function AuthLayout({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation('common');
  useDocumentTitle(t('page.documentTitle', { title }));
  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Logo />
      </header>
      <main className={classes.main}>
        <Center>
          <Paper className={classes.card} withBorder shadow="sm" radius="lg" p={{ base: 'lg', xs: 'xl' }}>
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={26}>
                  {title}
                </Title>
                {description && (
                  <Text c="dimmed" size="sm">
                    {description}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </Center>
        {footer && (
          <Text ta="center" size="xs" c="dimmed" mt="lg">
            {footer}
          </Text>
        )}
      </main>
    </div>
  );
}
