import type en from '../../en/errors/tokens.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Das API-Token',
} satisfies Catalogue<typeof en>;
