import type en from '../../en/errors/contacts.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Kontakt',
  the: 'Der Kontakt',
  changingItsContacts: 'seine Kontakte ändern',
  movedMeanwhile: 'Der Kontakt wurde inzwischen zu einem anderen Partner verschoben: Laden Sie neu und versuchen Sie es noch einmal',
  archivedChange: 'Der Kontakt ist archiviert: Stellen Sie ihn wieder her, bevor Sie ihn ändern',
  leftCannotBePrimary: 'wer den Partner verlassen hat, kann nicht sein Hauptkontakt sein',
  alreadyArchived: 'Der Kontakt ist bereits archiviert',
  notArchived: 'Der Kontakt ist nicht archiviert',
  mergedInto: 'Der Kontakt wurde mit {{id}} zusammengeführt; sein Verlauf ist dorthin verschoben, daher kann er nicht wiederhergestellt werden',
  mergeSelf: 'muss ein anderer Kontakt sein als der, der bleibt',
  unknown: 'ist kein bekannter Kontakt',
  otherPartner: 'gehört zu einem anderen Partner: Nur Kontakte desselben Partners können zusammengeführt werden',
  mergeArchived: 'Archivierte Kontakte können nicht zusammengeführt werden: Stellen Sie sie zuerst wieder her',
  exportTooMany: 'ergibt mehr als {{max, number}} Kontakte: Schränken Sie die Filter ein (partnerId, role, status, q) und exportieren Sie in Teilen',
  exportTooManyDetail: 'Der Export ergibt mehr als {{max, number}} Kontakte: Schränken Sie die Filter ein (partnerId, role, status, q) und exportieren Sie in Teilen',
} satisfies Catalogue<typeof en>;
