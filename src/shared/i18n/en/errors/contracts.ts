export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Contract',
  the: 'contract',
  // What a colleague was doing when the partner turned out archived: "restore the partner before …".
  changingItsContracts: 'changing its contracts',
  restoringItsContracts: 'restoring its contracts',
  moved: 'The contract moved to another partner meanwhile: reload and try again',
  archived: 'The contract is archived: restore it before changing it',
  ownerInactive: 'is not an active user',
};
