import type en from '../../en/errors/registrations.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Deal Registration',
  the: 'Die Deal Registration',
} satisfies Catalogue<typeof en>;
