import type en from '../../en/errors/me.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  profile: 'Profil',
  session: 'Sitzung',
  theProfile: 'Ihr Profil',
} satisfies Catalogue<typeof en>;
