import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { healthRoutes } from './health/health.routes.js';
import { setupRoutes } from './setup/setup.routes.js';
import { meRoutes } from './me/me.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { partnersRoutes } from './partners/partners.routes.js';
import { contactsRoutes } from './contacts/contacts.routes.js';
import { productsRoutes } from './products/products.routes.js';
import { savedViewsRoutes } from './saved-views/saved-views.routes.js';
import { activitiesRoutes } from './activities/activities.routes.js';
import { teamRoutes } from './team/team.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { tasksRoutes } from './tasks/tasks.routes.js';
import { playbooksRoutes } from './playbooks/playbooks.routes.js';
import { onboardingRoutes } from './onboarding/onboarding.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { mailRoutes } from './mail/mail.routes.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { certificationsRoutes } from './certifications/certifications.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { contractsRoutes } from './contracts/contracts.routes.js';
import { programsRoutes } from './programs/programs.routes.js';
import { riskRoutes } from './risk/risk.routes.js';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { backupRoutes } from './backup/backup.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { customersRoutes } from './customers/customers.routes.js';
import { opportunitiesRoutes } from './opportunities/opportunities.routes.js';
import { kickbacksRoutes } from './kickbacks/kickbacks.routes.js';
import { registrationsRoutes } from './registrations/index.js';

export interface FeatureDeps {
  config: Config;
  database: Database;
  secret: string;
}

/** Every feature's routes; a new feature is one line here. */
export async function registerFeatures(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { database, config, secret } = deps;
  const db = database.db;
  await app.register(healthRoutes, { database });
  await app.register(setupRoutes, { db, config });
  await app.register(meRoutes, { db, secret });
  await app.register(usersRoutes, { db });
  await app.register(tokensRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(partnersRoutes, { db });
  await app.register(contactsRoutes, { db });
  await app.register(productsRoutes, { db });
  await app.register(savedViewsRoutes, { db });
  await app.register(activitiesRoutes, { db });
  await app.register(teamRoutes, { db });
  await app.register(searchRoutes, { db });
  await app.register(tasksRoutes, { db });
  await app.register(playbooksRoutes, { db });
  await app.register(onboardingRoutes, { db });
  await app.register(notificationsRoutes, { db, secret, baseUrl: config.baseUrl });
  await app.register(mailRoutes, { db });
  await app.register(meetingsRoutes, { db });
  await app.register(calendarRoutes, { db, baseUrl: config.baseUrl });
  await app.register(certificationsRoutes, { db });
  await app.register(documentsRoutes, { db, config });
  await app.register(contractsRoutes, { db });
  await app.register(programsRoutes, { db });
  await app.register(riskRoutes, { db });
  await app.register(alertsRoutes, { db });
  await app.register(backupRoutes, { database, config });
  await app.register(importsRoutes, { database, config });
  await app.register(customersRoutes, { db });
  await app.register(opportunitiesRoutes, { db });
  await app.register(kickbacksRoutes, { db });
  await app.register(registrationsRoutes, { db });
}
