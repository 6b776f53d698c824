import type en from '../../en/errors/users.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Benutzerin oder der Benutzer',
  the: 'Das Benutzerkonto',
  emailUsed: 'wird bereits von einem anderen Konto verwendet',
  lastAdminRole: 'Die letzte aktive Administratorin oder der letzte aktive Administrator muss Administrator bleiben',
  deactivateSelf: 'Sie können Ihr eigenes Konto nicht deaktivieren',
  lastAdminDeactivate: 'Die letzte aktive Administratorin oder der letzte aktive Administrator kann nicht deaktiviert werden',
} satisfies Catalogue<typeof en>;
