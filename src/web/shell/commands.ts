import type { CommandGroup } from '../components/commands.js';
import { useRecordSearch } from '../features/search/useRecordSearch.js';
import { usePartnerCommands } from '../features/partners/commands.js';

/**
 * The result groups that features add to the command palette for the current query (quick
 * creation, record search…): one hook calling each provider's hook, so they run in the same order on
 * every render. Groups they return are shown as they are: the palette does not filter them again.
 */
export function useProvidedCommands(query: string): CommandGroup[] {
  return [...usePartnerCommands(query), ...useRecordSearch(query)];
}
