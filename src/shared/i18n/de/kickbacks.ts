import type en from '../en/kickbacks.js';
import type { Catalogue } from '../catalogue.js';

export default {
  title: 'Kickbacks',
} satisfies Catalogue<typeof en>;
