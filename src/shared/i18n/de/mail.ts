import type en from '../en/mail.js';
import type { Catalogue } from '../catalogue.js';

export default {
  status: {
    outbox: 'Im Postausgang',
    queued: 'Wird gesendet',
    sent: 'Gesendet',
    failed: 'Fehlgeschlagen',
  },
  statusHelp: {
    outbox: 'Es ist kein SMTP-Server eingerichtet (SMTP_URL): Die Mail wartet hier.',
    queued: 'Wird dem SMTP-Server übergeben.',
    sent: 'Der SMTP-Server hat sie angenommen.',
    failed: 'Der SMTP-Server war nicht erreichbar oder hat sie abgelehnt; der Mail-Job versucht es bis zu fünfmal erneut.',
  },
  outbox: {
    title: 'Postausgang',
    description: 'Jede Erinnerung und Zusammenfassung, die die App gemailt hat oder hier aufbewahrt, wenn kein SMTP-Server eingerichtet ist (SMTP_URL).',
    status: 'Status',
    anyStatus: 'Jeder Status',
    loading: 'Mails werden geladen…',
    noneWithStatus: 'Keine Mail mit diesem Status',
    none: 'Noch keine Mails',
    noneHint: 'Erinnerungen gehen stündlich hinaus, Zusammenfassungen um 07:00 Uhr.',
    caption: 'Mails, die neuesten zuerst',
    subject: 'Betreff',
    to: 'An',
    created: 'Erstellt',
    colleague: 'Kollegin oder Kollege',
    count_one: '{{count}} Nachricht',
    count_other: '{{count}} Nachrichten',
  },
  message: {
    title: 'Nachricht',
    close: 'Nachricht schliessen',
    loading: 'Nachricht wird geladen…',
    to: 'An',
    created: 'Erstellt',
    status: 'Status',
    sent: 'Gesendet',
    attempts: 'Versuche',
    lastError: 'Letzter Fehler',
    text: 'Text der Nachricht',
  },
} satisfies Catalogue<typeof en>;
