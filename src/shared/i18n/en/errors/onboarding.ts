export default {
  // The kind of record: `what` heads "… was not found", `the` fills "The … was changed by someone else".
  what: 'Onboarding',
  the: 'onboarding',
  partner: 'Partner',
  // What a colleague was doing when the partner turned out archived: "restore the partner before …".
  onboardingIt: 'onboarding it',
  alreadyOnboarding: '{{partner}} is already being onboarded with "{{playbook}}" (started {{startedOn}}): complete or cancel that onboarding before starting another',
  moved: 'The onboarding moved to another partner meanwhile: reload and try again',
  // "This onboarding is <status> already: only one in progress can be <verb>".
  closed: {
    completed: {
      completed: 'This onboarding is completed already: only one in progress can be completed',
      cancelled: 'This onboarding is completed already: only one in progress can be cancelled',
    },
    cancelled: {
      completed: 'This onboarding is cancelled already: only one in progress can be completed',
      cancelled: 'This onboarding is cancelled already: only one in progress can be cancelled',
    },
  },
  field: {
    unknownPlaybook: 'is not a known playbook',
    archivedPlaybook: '"{{name}}" is archived: pick a playbook in use',
    emptyPlaybook: '"{{name}}" has no steps',
  },
};
