import type en from '../../en/errors/activities.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Verlaufseintrag',
  the: 'Der Verlaufseintrag',
  changingItsTimeline: 'seinen Verlauf ändern',
  notContacts_one: '{{ids}} ist kein Kontakt dieses Partners',
  notContacts_other: '{{ids}} sind keine Kontakte dieses Partners',
  notActiveUsers_one: '{{ids}} ist keine aktive Benutzerin und kein aktiver Benutzer',
  notActiveUsers_other: '{{ids}} sind keine aktiven Benutzerinnen und Benutzer',
  alreadyArchived: 'Der Verlaufseintrag ist bereits archiviert',
  alreadyActive: 'Der Verlaufseintrag ist bereits aktiv',
} satisfies Catalogue<typeof en>;
