import type en from '../../en/errors/registrations.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Deal Registration',
  the: 'Die Deal Registration',
  changingItsRegistrations: 'seine Deal Registrations ändern',
  wrongPartnerType: {
    outbound: 'muss ein Softwarehersteller oder ein Distributor sein: Wir registrieren Deals in deren Portal',
    inbound: 'muss ein Berater oder Wiederverkäufer sein: Er registriert Deals bei uns',
  },
  programNotOfPartner: 'ist kein Programm dieses Partners',
  programInbound: 'gilt nur für ausgehende Registrierungen (das Programm eines Herstellers)',
  unknownOpportunity: 'ist keine Opportunity',
  unknownProduct: 'nennt ein Produkt, das nicht im Katalog ist',
  contactNotOfPartner: 'ist kein Kontakt dieses Partners',
  ownerInactive: 'ist keine aktive Benutzerin und kein aktiver Benutzer',
  customerRequired: 'ist erforderlich (oder eine Opportunity, deren Kunde übernommen wird)',
  currencyRequired: 'ist mit einem Betrag erforderlich',
  productsRequired: 'muss mindestens ein Produkt nennen',
  archived: 'Die Deal Registration ist archiviert',
  cannotMove: 'Eine {{direction}} Registrierung kann nicht von «{{from}}» zu «{{to}}» wechseln',
  direction: {
    outbound: 'ausgehende',
    inbound: 'eingehende',
  },
  status: {
    draft: 'Entwurf',
    submitted: 'eingereicht',
    approved: 'genehmigt',
    rejected: 'abgelehnt',
    won: 'gewonnen',
    expired: 'abgelaufen',
  },
  inboundOnly: 'Nur eine eingehende Registrierung wird hier genehmigt oder abgelehnt; eine ausgehende folgt dem Portal des Herstellers (ändern Sie ihren Status)',
  notSubmitted: 'Nur eine eingereichte Registrierung kann genehmigt oder abgelehnt werden; diese ist {{status}}',
  reasonRequired: 'ist erforderlich: Der Partner erfährt den Grund',
  reasonRequiredEarlier:
    'ist erforderlich: Eine andere Registrierung für diesen Kunden und dieses Produkt wurde früher eingereicht (wer zuerst einreicht, gewinnt, ausser Sie begründen es)',
  alreadyApproved: 'Eine andere Registrierung für diesen Kunden und dieses Produkt ist bereits genehmigt: Lehnen Sie sie zuerst ab oder lassen Sie sie ablaufen',
  notApproved: 'Nur eine genehmigte Registrierung kann verlängert werden',
  alreadyExtended: 'Der Schutz wurde bereits einmal verlängert',
  untilNotLater: 'muss nach dem aktuellen Ende des Schutzes liegen ({{day}})',
} satisfies Catalogue<typeof en>;
