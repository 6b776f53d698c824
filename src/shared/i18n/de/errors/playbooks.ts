import type en from '../../en/errors/playbooks.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Das Playbook',
  the: 'Das Playbook',
  archived: 'Das Playbook ist archiviert: Stellen Sie es wieder her, bevor Sie es ändern',
  nameTaken: 'Ein anderes Playbook heisst bereits «{{name}}»: Benennen Sie es zuerst um oder archivieren Sie es',
  nameUsed: 'wird bereits von einem anderen Playbook verwendet',
} satisfies Catalogue<typeof en>;
