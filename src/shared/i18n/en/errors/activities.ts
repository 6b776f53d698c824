export default {
  what: 'Timeline entry',
  the: 'timeline entry',
  changingItsTimeline: 'changing its timeline',
  notContacts_one: '{{ids}} is not a contact of this partner',
  notContacts_other: '{{ids}} are not contacts of this partner',
  notActiveUsers_one: '{{ids}} is not an active user',
  notActiveUsers_other: '{{ids}} are not active users',
  alreadyArchived: 'The timeline entry is already archived',
  alreadyActive: 'The timeline entry is already active',
};
