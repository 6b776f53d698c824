import type en from '../../en/errors/certifications.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  certification: { what: 'Die Zertifizierung', the: 'Die Zertifizierung' },
  record: { what: 'Der Zertifizierungseintrag', the: 'Der Zertifizierungseintrag' },
  onlyOwn: 'Mitglieder erfassen nur ihre eigenen Zertifizierungen; für Kolleginnen und Kollegen erfasst sie ein Partner Manager',
  archived: 'Die Zertifizierung ist archiviert: Stellen Sie sie wieder her, bevor Sie sie ändern',
  nameTaken: 'Eine andere Zertifizierung dieses Partnerprogramms heisst bereits «{{name}}»: Benennen Sie sie zuerst um oder archivieren Sie sie',
  recordArchived: 'Der Zertifizierungseintrag ist archiviert',
  recordAlreadyArchived: 'Der Zertifizierungseintrag ist bereits archiviert',
  field: {
    nameUsed: 'wird bereits von einer anderen Zertifizierung dieses Partnerprogramms verwendet',
    programArchived: 'ist archiviert: Stellen Sie zuerst das Partnerprogramm wieder her',
    programUnknown: 'ist kein bekanntes Partnerprogramm',
    renewsItself: 'darf die Zertifizierung selbst nicht enthalten',
    unknownRenewals: 'nennt unbekannte Zertifizierungen ({{ids}})',
    otherProgramme: 'muss Zertifizierungen desselben Partnerprogramms nennen',
    archivedRenewal: 'nennt eine archivierte Zertifizierung',
    loop: 'würde einen Kreis bilden: Eine hier genannte Zertifizierung wird selbst (direkt oder über andere) durch diese erneuert',
    deactivatedColleague: 'ist eine deaktivierte Kollegin oder ein deaktivierter Kollege',
    unknownColleague: 'ist keine bekannte Kollegin und kein bekannter Kollege',
    archivedInCatalogue: 'ist im Katalog archiviert',
    notInCatalogue: 'ist nicht im Zertifizierungskatalog',
    targetRequired: 'ist für eine geplante Prüfung erforderlich',
    obtainedWhilePlanned: 'muss für eine geplante Prüfung leer sein (erfassen Sie sie als erworben, sobald sie bestanden ist)',
    expiryWhilePlanned: 'muss für eine geplante Prüfung leer sein',
    obtainedRequired: 'ist für eine erworbene Zertifizierung erforderlich',
    obtainedInFuture: 'darf nicht in der Zukunft liegen (heute: {{today}}); planen Sie stattdessen die Prüfung',
    expiresBeforeObtained: 'muss am oder nach dem Tag liegen, an dem sie erworben wurde ({{obtainedOn}})',
    backToPlanned: 'kann nicht von erworben zurück auf geplant wechseln: Erfassen Sie stattdessen eine neue geplante Prüfung',
  },
} satisfies Catalogue<typeof en>;
