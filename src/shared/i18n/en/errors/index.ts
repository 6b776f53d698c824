// Server messages (API errors), one file per feature; the web app never loads them.
import common from './common.js';
import activities from './activities.js';
import alerts from './alerts.js';
import audit from './audit.js';
import auth from './auth.js';
import backup from './backup.js';
import cadence from './cadence.js';
import calendar from './calendar.js';
import certifications from './certifications.js';
import contacts from './contacts.js';
import contracts from './contracts.js';
import kickbacks from './kickbacks.js';
import registrations from './registrations.js';
import deals from './deals.js';
import documents from './documents.js';
import imports from './imports.js';
import mail from './mail.js';
import me from './me.js';
import meetings from './meetings.js';
import notifications from './notifications.js';
import onboarding from './onboarding.js';
import partners from './partners.js';
import playbooks from './playbooks.js';
import products from './products.js';
import programs from './programs.js';
import risk from './risk.js';
import savedViews from './savedViews.js';
import search from './search.js';
import seed from './seed.js';
import setup from './setup.js';
import tasks from './tasks.js';
import team from './team.js';
import tokens from './tokens.js';
import users from './users.js';

export default {
  common,
  activities,
  alerts,
  audit,
  auth,
  backup,
  cadence,
  calendar,
  certifications,
  contacts,
  contracts,
  kickbacks,
  registrations,
  deals,
  documents,
  imports,
  mail,
  me,
  meetings,
  notifications,
  onboarding,
  partners,
  playbooks,
  products,
  programs,
  risk,
  savedViews,
  search,
  seed,
  setup,
  tasks,
  team,
  tokens,
  users,
};
