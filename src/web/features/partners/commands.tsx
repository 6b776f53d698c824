import { useNavigate } from 'react-router';
import { IconPlus } from '@tabler/icons-react';
import type { CommandAction, CommandGroup } from '../../components/commands.js';
import { useMe } from '../../components/session.js';

const NEW_PARTNER = {
  id: 'create:partner',
  label: 'New partner',
  description: 'Add a vendor, cloud provider, distributor, consultant or reseller',
  keywords: ['add partner', 'create partner', 'new company'],
};
const words = [NEW_PARTNER.label, NEW_PARTNER.description, ...NEW_PARTNER.keywords].join(' ').toLowerCase();

/** Command palette provider: "New partner" for those who may add one, when the typed words fit. */
export function usePartnerCommands(query: string): CommandGroup[] {
  const me = useMe();
  const navigate = useNavigate();
  if (!me.can.createPartners) return [];
  const typed = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  // The palette does not filter what providers return: match like its own entries do.
  if (typed.length && !typed.every((w) => words.includes(w))) return [];
  const action: CommandAction = { ...NEW_PARTNER, leftSection: <IconPlus size={20} stroke={1.5} aria-hidden />, onClick: () => void navigate('/partners/new') };
  return [{ group: 'Create', actions: [action] }];
}
