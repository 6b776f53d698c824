import type en from '../en/search.js';
import type { Catalogue } from '../catalogue.js';

export default {
  group: {
    partner: 'Partner',
    contact: 'Kontakte',
    activity: 'Verlauf',
  },
  error: {
    group: 'Suche',
    label: 'Die Suche ist im Moment nicht verfügbar',
    description: 'Versuchen Sie es gleich noch einmal',
  },
} satisfies Catalogue<typeof en>;
