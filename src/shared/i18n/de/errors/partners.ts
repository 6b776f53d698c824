import type en from '../../en/errors/partners.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Partner',
  the: 'Der Partner',
  link: 'Verknüpfung',
  forbidden: 'Mitglieder dürfen nur Partner ändern, die ihnen gehören oder in deren Team sie sind',
  unknown: 'ist kein bekannter Partner',
  archived: '{{name}} ist archiviert: Stellen Sie den Partner wieder her, bevor Sie {{purpose}}',
  changingIt: 'ihn ändern',
  unknownOwner: 'ist keine bekannte Kollegin und kein bekannter Kollege',
  deactivatedOwner: 'ist ein deaktiviertes Konto',
  nameTaken: 'wird bereits von einem anderen Partner verwendet',
  unknownProduct: 'enthält ein unbekanntes Produkt',
  memberOwnsNew: 'Mitglieder erstellen nur Partner, die ihnen selbst gehören',
  memberHandsOver: 'nur ein Partner Manager darf einen Partner einer anderen Person übergeben',
  mergedInto: '{{name}} wurde mit «{{into}}» zusammengeführt ({{id}}); die Datensätze sind dorthin verschoben, daher kann der Partner nicht wiederhergestellt werden',
  mergedIntoGone:
    '{{name}} wurde mit einem anderen Partner zusammengeführt ({{id}}); die Datensätze sind dorthin verschoben, daher kann der Partner nicht wiederhergestellt werden',
  nameTakenActive: 'Ein anderer aktiver Partner heisst bereits «{{name}}»: Benennen Sie ihn um oder archivieren Sie ihn zuerst',
  linkToSelf: 'muss ein anderer Partner sein',
  unknownActive: 'ist kein bekannter aktiver Partner',
  distributorOnly: 'nur ein Distributor kann «Distributor von» einem Hersteller sein',
  linkExists: 'Diese Verknüpfung besteht bereits',
  mergeSelf: 'muss ein anderer Partner sein als der, der bleibt',
  mergeArchived: 'Archivierte Partner können nicht zusammengeführt werden: Stellen Sie sie zuerst wieder her',
} satisfies Catalogue<typeof en>;
