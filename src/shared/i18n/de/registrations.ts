import type en from '../en/registrations.js';
import type { Catalogue } from '../catalogue.js';

export default {
  title: 'Deal Registrations',
} satisfies Catalogue<typeof en>;
