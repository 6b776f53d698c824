import type en from '../../en/errors/contracts.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Der Vertrag',
  the: 'Der Vertrag',
  changingItsContracts: 'seine Verträge ändern',
  restoringItsContracts: 'seine Verträge wiederherstellen',
  moved: 'Der Vertrag wurde inzwischen einem anderen Partner zugeordnet: Laden Sie neu und versuchen Sie es noch einmal',
  archived: 'Der Vertrag ist archiviert: Stellen Sie ihn wieder her, bevor Sie ihn ändern',
  ownerInactive: 'ist keine aktive Benutzerin und kein aktiver Benutzer',
} satisfies Catalogue<typeof en>;
