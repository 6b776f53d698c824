export default {
  what: 'Task',
  the: 'task',
  forbidden: 'Members may change only tasks assigned to them, created by them, or on partners they own or are on the team of',
  addingTasks: 'adding tasks to it',
  notActiveUser: 'is not an active user',
  unknownTasks_one: '{{ids}} is not a known task',
  unknownTasks_other: '{{ids}} are not known tasks',
  // "is not a known <subject type>", in the API's own word for the type in English.
  unknownSubject: {
    partner: 'is not a known partner',
    contact: 'is not a known contact',
    meeting: 'is not a known meeting',
    onboarding: 'is not a known onboarding',
    risk_assessment: 'is not a known risk_assessment',
    contract: 'is not a known contract',
    opportunity: 'is not a known opportunity',
  },
};
