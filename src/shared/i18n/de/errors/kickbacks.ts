import type en from '../../en/errors/kickbacks.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Kickback-Vereinbarung',
  the: 'Die Kickback-Vereinbarung',
} satisfies Catalogue<typeof en>;
