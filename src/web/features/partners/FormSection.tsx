import type { ReactNode } from 'react';
import { Card, Stack, Text, Title } from '@mantine/core';

/** One titled card of the partner form. */
export function FormSection({ title, description, children, id }: { title: string; description?: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <Stack gap="md" mt="md">
        {children}
      </Stack>
    </Card>
  );
}
