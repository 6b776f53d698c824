import { Group, Text } from '@mantine/core';

/** Two linked rings: the partner relationship. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-primary-color-filled)" />
      <circle cx="11.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" />
      <circle cx="20.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" />
    </svg>
  );
}

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark />
      <Text fw={700} fz="lg" lh={1}>
        Partnerhub
      </Text>
    </Group>
  );
}
