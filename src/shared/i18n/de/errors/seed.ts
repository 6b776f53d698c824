import type en from '../../en/errors/seed.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  notEmpty_one: 'Die Datenbank enthält bereits {{count}} Partner: Demodaten kommen nur in ein leeres Portfolio (fügen Sie sie mit --force trotzdem hinzu)',
  notEmpty_other: 'Die Datenbank enthält bereits {{count}} Partner: Demodaten kommen nur in ein leeres Portfolio (fügen Sie sie mit --force trotzdem hinzu)',
} satisfies Catalogue<typeof en>;
