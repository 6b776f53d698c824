import type en from '../../en/errors/mail.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'E-Mail',
} satisfies Catalogue<typeof en>;
