export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Kickback agreement',
  the: 'kickback agreement',
  statementWhat: 'Commission statement',
  statementThe: 'commission statement',
  // What a colleague was doing when the partner turned out archived: "restore the partner before …".
  changingItsAgreements: 'changing its kickback agreements',
  notConsultant: '{{name}} is not a consultant or reseller: kickback agreements are for the partners who bring business',
  overlap: 'overlaps the agreement “{{name}}” ({{from}} – {{to}}): two agreements of one partner may not be valid on the same day',
  archived: 'The agreement is archived: restore it before changing it',
  moved: 'The agreement moved to another partner meanwhile: reload and try again',
  currencyHasLines: 'cannot change: the agreement has commission lines in its currency',
  missingRate: 'There is no exchange rate to CHF for {{currency}} in {{month}}: an administrator enters it under Rates, then the deal “{{title}}” can earn its kickback',
  statementExists: '{{partner}} has a statement for {{start}} – {{end}} in {{currency}} already',
  noLines: 'no commission lines of {{partner}} in {{currency}} up to {{end}} wait for a statement',
  notDue: 'The statement is {{status}}: only a due statement can be approved',
  notApproved: 'The statement is {{status}}: only an approved statement can be marked paid',
  status: { due: 'due', approved: 'approved', paid: 'paid' },
};
