export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'User',
  the: 'user',
  emailUsed: 'is already used by another account',
  lastAdminRole: 'the last active administrator must stay an administrator',
  deactivateSelf: 'You cannot deactivate your own account',
  lastAdminDeactivate: 'The last active administrator cannot be deactivated',
};
