import type en from '../../en/errors/notifications.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Benachrichtigung',
  badUnsubscribeLink: 'ist kein gültiger Abmeldelink',
  accountGone: 'Dieser Abmeldelink gehört zu einem Konto, das es nicht mehr gibt',
  unreadableForm: 'Das Formular konnte nicht gelesen werden: Senden Sie List-Unsubscribe=One-Click als multipart/form-data oder als URL-codiertes Formular',
  notAForm: 'ist kein lesbares Formular',
} satisfies Catalogue<typeof en>;
