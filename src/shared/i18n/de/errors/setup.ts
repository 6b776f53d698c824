import type en from '../../en/errors/setup.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  alreadySetUp: 'Partnerhub ist bereits eingerichtet: Melden Sie sich stattdessen an',
  tooManyAttempts: 'Zu viele Einrichtungsversuche von dieser Adresse: Versuchen Sie es in {{seconds}} s erneut',
} satisfies Catalogue<typeof en>;
