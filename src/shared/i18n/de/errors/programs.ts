import type en from '../../en/errors/programs.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Das Partnerprogramm',
  the: 'Das Partnerprogramm',
  checklistItem: { what: 'Der Checklistenpunkt', the: 'Der Checklistenpunkt' },
  partner: 'Der Partner',
  archived: 'Das Partnerprogramm ist archiviert: Stellen Sie es wieder her, bevor Sie es ändern',
  nameTaken: 'Ein anderes Partnerprogramm heisst bereits «{{name}}»: Benennen Sie es zuerst um oder archivieren Sie es',
  field: {
    nameUsed: 'wird bereits von einem anderen Partnerprogramm verwendet',
    unknownPartner: 'ist kein bekannter Partner',
    notALevel: 'ist kein Level dieses Partnerprogramms',
    unknownLevel: 'ist kein Level dieses Partnerprogramms (oder ist doppelt aufgeführt)',
    unknownItem: 'ist kein Checklistenpunkt dieses Levels (oder ist doppelt aufgeführt)',
    unknownCertification: 'ist keine Zertifizierung des Katalogs (oder sie ist archiviert)',
  },
} satisfies Catalogue<typeof en>;
