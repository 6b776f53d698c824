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
} satisfies Catalogue<typeof en>;
