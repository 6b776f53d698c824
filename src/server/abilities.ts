import type { MeCan } from '../shared/schemas/user.js';
import type { Actor } from './lib/policy.js';
import { backupPolicy } from './features/backup/backup.policy.js';
import { certificationsPolicy } from './features/certifications/certifications.policy.js';
import { mailPolicy } from './features/mail/mail.policy.js';
import { meetingsPolicy } from './features/meetings/meetings.policy.js';
import { onboardingPolicy } from './features/onboarding/onboarding.policy.js';
import { opportunitiesPolicy } from './features/opportunities/opportunities.policy.js';
import { partnersPolicy } from './features/partners/partners.policy.js';
import { playbooksPolicy } from './features/playbooks/playbooks.policy.js';
import { programsPolicy } from './features/programs/programs.policy.js';
import { riskPolicy } from './features/risk/risk.policy.js';
import { setupPolicy } from './features/setup/setup.policy.js';
import { tasksPolicy } from './features/tasks/tasks.policy.js';
import { usersPolicy } from './features/users/users.policy.js';

/**
 * The app-wide abilities /api/me answers with (not about one record): each is the policy of the routes
 * it opens, asked for this actor. Above the features, as it composes their policies.
 */
export const meCan = (a: Actor): MeCan => ({
  manageUsers: usersPolicy.manage.allow(a),
  loadDemoData: setupPolicy.demoData.allow(a),
  readMail: mailPolicy.read.allow(a),
  // The product routes take the partners' manage policy.
  manageProducts: partnersPolicy.manage.allow(a),
  createPartners: partnersPolicy.write.allow(a),
  managePartners: partnersPolicy.manage.allow(a),
  managePrograms: programsPolicy.manage.allow(a),
  manageCertifications: certificationsPolicy.manage.allow(a),
  recordCertifications: certificationsPolicy.record.allow(a),
  configureRisk: riskPolicy.configure.allow(a),
  approveRisk: riskPolicy.approve.allow(a),
  managePlaybooks: playbooksPolicy.manage.allow(a),
  writeTasks: tasksPolicy.write.allow(a),
  writeMeetings: meetingsPolicy.write.allow(a),
  overrideOnboarding: onboardingPolicy.override.allow(a),
  downloadBackup: backupPolicy.download.allow(a),
  writeOpportunities: opportunitiesPolicy.write.allow(a),
  manageDealStages: opportunitiesPolicy.stagesAdmin.allow(a),
  readFxRates: opportunitiesPolicy.ratesRead.allow(a),
  manageFxRates: opportunitiesPolicy.ratesWrite.allow(a),
});
