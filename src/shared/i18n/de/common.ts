import type en from '../en/common.js';
import type { Catalogue } from '../catalogue.js';

export default {
  app: { name: 'Partnerhub' },
  action: {
    save: 'Speichern',
    saveChanges: 'Änderungen speichern',
    cancel: 'Abbrechen',
    close: 'Schliessen',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    remove: 'Entfernen',
    archive: 'Archivieren',
    restore: 'Wiederherstellen',
    add: 'Hinzufügen',
    create: 'Erstellen',
    back: 'Zurück',
    retry: 'Erneut versuchen',
    reload: 'Neu laden',
    search: 'Suchen',
    clearFilters: 'Filter zurücksetzen',
    export: 'Exportieren',
    moreActions: 'Weitere Aktionen',
    confirm: 'Bestätigen',
    upload: 'Hochladen',
    download: 'Herunterladen',
  },
  export: {
    csv: 'CSV (kommagetrennt)',
    xlsx: 'Excel (XLSX)',
  },
  state: {
    loading: 'Wird geladen…',
    none: '—',
    yes: 'Ja',
    no: 'Nein',
  },
  api: {
    somethingWrong: 'Etwas ist schiefgelaufen.',
    error: 'Fehler',
    serverDown: 'Der Server konnte nicht antworten (HTTP {{status}}). Versuchen Sie es gleich noch einmal.',
    requestFailed: 'Die Anfrage ist fehlgeschlagen (HTTP {{status}}).',
    noConnection: 'Keine Verbindung',
    unreachable: 'Partnerhub ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  },
  time: {
    justNow: 'gerade eben',
  },
  language: {
    label: 'Sprache',
    en: 'English',
    de: 'Deutsch',
  },
} satisfies Catalogue<typeof en>;
