import type en from '../en/profile.js';
import type { Catalogue } from '../catalogue.js';

export default {
  language: {
    heading: 'Sprache',
    description: 'Für Bildschirme, E-Mails und Kalenderdateien.',
    browser: 'Wie im Browser eingestellt',
    saved: 'Ihre Sprache ist gespeichert.',
  },
} satisfies Catalogue<typeof en>;
