import type en from '../en/backup.js';
import type { Catalogue } from '../catalogue.js';

export default {
  page: {
    title: 'Datensicherung',
    description: 'Jede Tabelle und jedes gespeicherte Dokument in einer Datei, konsistent zu einem Zeitpunkt.',
  },
  download: {
    title: 'Datensicherung herunterladen',
    body: 'Die Datei wird erstellt, während Sie warten, und direkt an Ihren Browser übertragen; mit vielen Dokumenten dauert das eine Weile. Jeder Download wird im Änderungsprotokoll festgehalten.',
    button: 'Datensicherung herunterladen',
  },
  restore: {
    title: 'Wiederherstellen oder umziehen',
    body: 'Stellen Sie die Datei mit derselben Version von Partnerhub in einer leeren Datenbank wieder her: der eingebetteten oder einem PostgreSQL-Server, den DATABASE_URL nennt. So zieht ein Team auch von der eingebetteten Datenbank auf einen Server um. Halten Sie die App dabei an.',
    command: 'npx partnerhub restore FILE',
  },
  careful: {
    title: 'Sicher aufbewahren',
    body: 'Die Datei enthält alles, auch die Passwort-Hashes: Bewahren Sie sie so sorgfältig auf wie die Datenbank selbst.',
  },
} satisfies Catalogue<typeof en>;
