import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** One labelled value of a record's page, as a term and its description (inside a `<dl>`). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
