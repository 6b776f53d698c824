/** What other features use of the tasks feature: import it from here, not from its files. */
export { insertTasks, notifyAssignees, type NewTask } from './tasks.core.js';
export { onOnboardingStepsChanged, type OnboardingStepsListener } from './tasks.hooks.js';
