import type en from '../en/audit.js';
import type { Catalogue } from '../catalogue.js';

export default {
  action: {
    create: 'Erstellt',
    update: 'Geändert',
    deactivate: 'Deaktiviert',
    reactivate: 'Reaktiviert',
    revoke: 'Widerrufen',
    setPassword: 'Passwort gesetzt',
    delete: 'Gelöscht',
    archive: 'Archiviert',
    restore: 'Wiederhergestellt',
    linkAdd: 'Mit einem anderen Partner verknüpft',
    linkRemove: 'Verknüpfung entfernt',
    merge: 'Ein Duplikat wurde mit diesem Datensatz zusammengeführt',
    mergedInto: 'Mit einem anderen Datensatz zusammengeführt und archiviert',
    movedByMerge: 'Durch eine Zusammenführung verschoben',
  },
  loading: 'Änderungsverlauf wird geladen…',
  empty: { title: 'Noch keine Änderungen', description: 'Änderungen an diesem Datensatz werden hier aufgeführt.' },
  by: 'von {{name}}',
  bySystem: 'vom System',
  changedFrom: 'geändert von',
  changedTo: ' auf ',
  emptyValue: 'leer',
  showOlder: 'Ältere Änderungen anzeigen',
} satisfies Catalogue<typeof en>;
