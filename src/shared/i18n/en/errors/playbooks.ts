export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Playbook',
  the: 'playbook',
  archived: 'The playbook is archived: restore it before changing it',
  nameTaken: 'Another playbook is already called "{{name}}": rename or archive it first',
  nameUsed: 'is already used by another playbook',
};
