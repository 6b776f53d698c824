import type en from '../../en/errors/kickbacks.js';
import type { Catalogue } from '../../catalogue.js';

export default {
  what: 'Die Kickback-Vereinbarung',
  the: 'Die Kickback-Vereinbarung',
  statementWhat: 'Die Provisionsabrechnung',
  statementThe: 'Die Provisionsabrechnung',
  changingItsAgreements: 'seine Kickback-Vereinbarungen ändern',
  notConsultant: '{{name}} ist kein Berater oder Wiederverkäufer: Kickback-Vereinbarungen gelten für Partner, die Geschäft bringen',
  overlap: 'überschneidet sich mit der Vereinbarung «{{name}}» ({{from}} – {{to}}): Zwei Vereinbarungen eines Partners dürfen nicht am selben Tag gelten',
  archived: 'Die Vereinbarung ist archiviert: Stellen Sie sie wieder her, bevor Sie sie ändern',
  moved: 'Die Vereinbarung wurde inzwischen einem anderen Partner zugeordnet: Laden Sie neu und versuchen Sie es noch einmal',
  currencyHasLines: 'kann nicht geändert werden: Die Vereinbarung hat Provisionszeilen in ihrer Währung',
  missingRate:
    'Für {{currency}} gibt es im {{month}} keinen Wechselkurs zu CHF: Eine Administratorin oder ein Administrator erfasst ihn unter Kurse, dann kann der Deal «{{title}}» seinen Kickback verdienen',
  statementExists: '{{partner}} hat bereits eine Abrechnung für {{start}} – {{end}} in {{currency}}',
  noLines: 'keine Provisionszeilen von {{partner}} in {{currency}} bis {{end}} warten auf eine Abrechnung',
  notDue: 'Die Abrechnung ist {{status}}: Nur eine fällige Abrechnung kann freigegeben werden',
  notApproved: 'Die Abrechnung ist {{status}}: Nur eine freigegebene Abrechnung kann als bezahlt markiert werden',
  status: { due: 'fällig', approved: 'freigegeben', paid: 'bezahlt' },
} satisfies Catalogue<typeof en>;
