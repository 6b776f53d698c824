import type en from '../../en/errors/deals.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Opportunity',
  the: 'Die Opportunity',
} satisfies Catalogue<typeof en>;
