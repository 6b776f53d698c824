import type en from '../../en/errors/audit.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  adminOnly: {
    user: 'Nur Administratorinnen und Administratoren dürfen den Verlauf von Benutzerkonten lesen',
    api_token: 'Nur Administratorinnen und Administratoren dürfen den Verlauf von API-Tokens lesen',
  },
} satisfies Catalogue<typeof en>;
