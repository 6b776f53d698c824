import type en from '../en/ics.js';
import type { Catalogue } from '../catalogue.js';

export default {
  feed: {
    mine: 'Partnerhub · meine Meetings und Fristen',
    partner: 'Partnerhub · {{partner}}',
  },
  meeting: 'Meeting',
  purposeWith: '{{purpose}} mit {{partner}}',
  purpose: {
    sync: 'Sync-Meeting',
    quarterly: 'Quartalstreffen',
    kickoff: 'Kickoff',
    other: 'Anderes Meeting',
  },
  task: 'Aufgabe: {{title}}',
  taskOf: 'Aufgabe: {{title}} ({{partner}})',
  contractNotice: 'Kündigungsfrist: {{title}} ({{partner}})',
  contractEnds: 'Vertrag endet: {{title}} ({{partner}})',
  contractText: '{{type}} mit {{partner}}. {{notice}}.',
  riskReview: 'Risikoprüfung fällig: {{name}}',
  riskReviewText: 'Die Beurteilung des Lieferantenrisikos ist gemäss Sicherheitsrichtlinie für Lieferanten fällig.',
  exam: 'Prüfung: {{name}}',
  examText: 'Geplante Zertifizierungsprüfung',
  certificationExpires: 'Zertifizierung läuft ab: {{name}}',
  certificationExpiresText: 'Letzter gültiger Tag; vorher erneuern.',
  levelReview: '{{program}}: Level-Überprüfung des Herstellers',
} satisfies Catalogue<typeof en>;
