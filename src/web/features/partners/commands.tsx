import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '@tabler/icons-react';
import type { CommandAction, CommandGroup } from '../../components/commands.js';
import { useMe } from '../../components/session.js';

/** Command palette provider: "New partner" for those who may add one, when the typed words fit. */
export function usePartnerCommands(query: string): CommandGroup[] {
  const me = useMe();
  const navigate = useNavigate();
  // The palette lives in the app's frame: no suspending it while the words load, the entry just comes a moment later.
  const { t, ready } = useTranslation('partners', { useSuspense: false });
  if (!me.can.createPartners || !ready) return [];
  const entry = {
    id: 'create:partner',
    label: t('commands.newPartner'),
    description: t('commands.newPartnerDescription'),
    keywords: t('commands.newPartnerKeywords').split('|'),
  };
  const words = [entry.label, entry.description, ...entry.keywords].join(' ').toLowerCase();
  const typed = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  // The palette does not filter what providers return: match like its own entries do.
  if (typed.length && !typed.every((w) => words.includes(w))) return [];
  const action: CommandAction = { ...entry, leftSection: <IconPlus size={20} stroke={1.5} aria-hidden />, onClick: () => void navigate('/partners/new') };
  return [{ group: t('commands.group'), actions: [action] }];
}
