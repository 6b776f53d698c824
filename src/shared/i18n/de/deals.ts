import type en from '../en/deals.js';
import type { Catalogue } from '../catalogue.js';

export default {
  title: 'Deals',
} satisfies Catalogue<typeof en>;
