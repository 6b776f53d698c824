import type en from '../../en/errors/savedViews.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Gespeicherte Ansicht',
} satisfies Catalogue<typeof en>;
