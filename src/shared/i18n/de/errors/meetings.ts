import type en from '../../en/errors/meetings.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Meeting',
  the: 'Das Meeting',
  series: 'Meeting-Serie',
  theSeries: 'Die Meeting-Serie',
  changingItsMeetings: 'seine Meetings ändern',
  notContacts_one: '{{ids}} ist kein Kontakt dieses Partners',
  notContacts_other: '{{ids}} sind keine Kontakte dieses Partners',
  notActiveUsers_one: '{{ids}} ist keine aktive Benutzerin und kein aktiver Benutzer',
  notActiveUsers_other: '{{ids}} sind keine aktiven Benutzerinnen und Benutzer',
  notActiveUser: '{{id}} ist keine aktive Benutzerin und kein aktiver Benutzer',
  badRule: 'ist keine gültige Wiederholungsregel ({{reason}})',
  ruleGivesNone: 'ergibt kein Meeting am oder nach dem ersten Beginn',
  seriesArchived: 'Die Meeting-Serie ist archiviert',
  seriesAlreadyArchived: 'Die Meeting-Serie ist bereits archiviert',
  ruleRequired: 'ist für einen eigenen Rhythmus erforderlich',
  toAfterFrom: 'muss nach «from» liegen',
  windowTooLong_one: 'darf höchstens {{count}} Tag nach «from» liegen',
  windowTooLong_other: 'darf höchstens {{count}} Tage nach «from» liegen',
  notAStart: 'ist kein Beginn dieser Serie',
  held: 'Das Meeting hat stattgefunden: Sein Protokoll ist erfasst',
  belongsToSeries: 'gehört zur Serie: Ändern Sie es in der Serie',
  endAfterStart: 'muss nach dem Beginn liegen',
  minutesTooEarly: 'Ein Protokoll kann erst geschrieben werden, wenn das Meeting begonnen hat',
} satisfies Catalogue<typeof en>;
