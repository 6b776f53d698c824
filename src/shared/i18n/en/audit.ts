// A record's change history (who changed what and when), shown on partners, contacts, contracts, users and more.
export default {
  action: {
    create: 'Created',
    update: 'Changed',
    deactivate: 'Deactivated',
    reactivate: 'Reactivated',
    revoke: 'Revoked',
    setPassword: 'Password set',
    delete: 'Deleted',
    archive: 'Archived',
    restore: 'Restored',
    linkAdd: 'Linked to another partner',
    linkRemove: 'Link removed',
    merge: 'A duplicate was merged into this',
    mergedInto: 'Merged into another record and archived',
    movedByMerge: 'Moved by a merge',
  },
  loading: 'Loading history…',
  empty: { title: 'No history yet', description: 'Changes to this record will be listed here.' },
  by: 'by {{name}}',
  bySystem: 'by the system',
  /** Read out before the old value (hidden on screen, where an arrow says it). */
  changedFrom: 'changed from',
  /** Read out between the old and the new value. */
  changedTo: ' to ',
  emptyValue: 'empty',
  showOlder: 'Show older changes',
};
