import type en from '../../en/errors/imports.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Import',
  the: 'Der Import',
  notMultipart: 'Senden Sie die Datei als multipart/form-data: zuerst das Feld «kind», dann die Datei',
  kind: 'muss partners oder contacts sein',
  fileType: 'muss eine CSV-Datei (.csv) oder eine Excel-Arbeitsmappe (.xlsx) sein',
  unreadable: 'konnte nicht als {{format}} gelesen werden: {{reason}}',
  noHeader: 'hat keine Kopfzeile',
  tooManyRows: 'hat mehr als {{max, number}} Zeilen: Teilen Sie sie in mehrere Dateien auf',
  tooManyColumns: 'hat mehr als {{max, number}} Spalten',
  mappingLength: 'muss für jede der {{count}} Spalten ein Feld (oder null) nennen',
  fieldOfOtherKind: '«{{field}}» ist kein Feld eines Imports von {{kind}}',
  fieldTwice: 'ordnet «{{field}}» mehr als einer Spalte zu',
  partnerRequired: 'ist erforderlich: der Name eines bestehenden Partners',
  unknownPartner: 'kein aktiver Partner heisst «{{name}}»',
  unknownRow: 'Zeile {{row}} ist nicht in der Datei',
  noDuplicate: 'Zeile {{row}} hat kein Duplikat, das aktualisiert werden könnte',
  rowHasErrors: 'Zeile {{row}} hat Fehler: sie kann nur übersprungen werden',
  notPending: 'Der Import wurde bereits ausgeführt oder rückgängig gemacht',
  notCommitted: 'Nur ein ausgeführter Import kann rückgängig gemacht werden',
  running: 'Dieser Import wird bereits ausgeführt',
  commitFailed: 'Nichts wurde importiert: {{count}} Zeilen konnten nicht geschrieben werden',
  changedSince: 'Rückgängig machen nicht möglich: {{count}} importierte Datensätze wurden seit dem Import geändert ({{names}})',
} satisfies Catalogue<typeof en>;
