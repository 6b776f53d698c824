import type { ReactNode } from 'react';

// Mirrors @mantine/spotlight's action types (its own .d.ts do not resolve under NodeNext).
export interface CommandAction {
  id: string;
  label: string;
  description?: string;
  keywords?: string | string[];
  leftSection?: ReactNode;
  rightSection?: ReactNode;
  onClick?: () => void;
  /** Replaces the label and description with custom content (e.g. a search result with highlighted words). */
  children?: ReactNode;
}
export interface CommandGroup {
  group: string;
  actions: CommandAction[];
}
