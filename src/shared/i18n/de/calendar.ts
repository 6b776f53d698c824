import type en from '../en/calendar.js';
import type { Catalogue } from '../catalogue.js';

export default {
  feeds: {
    title: 'Kalender-Feeds',
    intro:
      'Abonnieren Sie den Feed in Outlook, Google Kalender oder Apple Kalender, um Meetings und Fälligkeiten zu sehen. Wer die URL kennt, kann den Feed lesen: Behalten Sie sie für sich und widerrufen Sie sie, falls sie bekannt wird.',
    feedOf: 'Feed für',
    scope: { user: 'Meine Meetings und Aufgaben', partner: 'Einen Partner' },
    create: 'Feed-URL erstellen',
    createdTitle: 'Ihre neue Feed-URL',
    hideUrl: 'URL ausblenden',
    copyNow: 'Kopieren Sie sie jetzt: Sie wird nicht noch einmal angezeigt.',
    copied: 'Kopiert',
    copy: 'URL kopieren',
    none: 'Sie haben noch keinen Kalender-Feed.',
    table: 'Ihre Kalender-Feeds',
    feed: 'Feed',
    startsWith: 'Beginnt mit',
    lastUsed: 'Zuletzt verwendet',
    actions: 'Aktionen',
    ofPartner: 'Partner: {{partner}}',
    never: 'Nie',
    revoke: 'Widerrufen',
    revokeMine: 'Den Feed meiner Meetings und Aufgaben widerrufen, der mit {{prefix}} beginnt',
    revokePartner: 'Den Feed von {{partner}} widerrufen, der mit {{prefix}} beginnt',
    revokeTitle: 'Diesen Feed widerrufen?',
    revokeText: 'Kalender, die diese URL abonniert haben, werden nicht mehr aktualisiert. Sie können jederzeit eine neue URL erstellen.',
    revoked: 'Die Feed-URL funktioniert nicht mehr. Kalender, die sie abonniert haben, werden nicht mehr aktualisiert.',
  },
} satisfies Catalogue<typeof en>;
