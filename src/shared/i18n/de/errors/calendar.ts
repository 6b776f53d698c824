import type en from '../../en/errors/calendar.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  feed: 'Kalender-Abo',
  unknownPartner: 'ist kein bekannter Partner',
} satisfies Catalogue<typeof en>;
