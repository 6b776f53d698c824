import type { ReactNode } from 'react';
import { useRecordSearch } from '../features/search/useRecordSearch.js';
import { usePartnerCommands } from '../features/partners/commands.js';

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

/**
 * The result groups that features add to the command palette for the current query (quick
 * creation, record search…): one hook calling each provider's hook, so they run in the same order on
 * every render. Groups they return are shown as they are: the palette does not filter them again.
 */
export function useProvidedCommands(query: string): CommandGroup[] {
  return [...usePartnerCommands(query), ...useRecordSearch(query)];
}
