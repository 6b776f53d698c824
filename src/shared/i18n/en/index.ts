// The en catalogue: one namespace per web feature (loaded when a page needs it), plus the server's own.
import common from './common.js';
import audit from './audit.js';
import calendar from './calendar.js';
import certifications from './certifications.js';
import contacts from './contacts.js';
import contracts from './contracts.js';
import kickbacks from './kickbacks.js';
import registrations from './registrations.js';
import deals from './deals.js';
import documents from './documents.js';
import home from './home.js';
import mail from './mail.js';
import meetings from './meetings.js';
import notifications from './notifications.js';
import onboarding from './onboarding.js';
import partners from './partners.js';
import playbooks from './playbooks.js';
import products from './products.js';
import profile from './profile.js';
import programs from './programs.js';
import risk from './risk.js';
import search from './search.js';
import session from './session.js';
import tasks from './tasks.js';
import team from './team.js';
import timeline from './timeline.js';
import tokens from './tokens.js';
import users from './users.js';
import imports from './imports.js';
import backup from './backup.js';
import email from './email.js';
import pdf from './pdf.js';
import ics from './ics.js';
import validation from './validation.js';
import errors from './errors/index.js';

export default {
  common,
  audit,
  calendar,
  certifications,
  contacts,
  contracts,
  kickbacks,
  registrations,
  deals,
  documents,
  home,
  mail,
  meetings,
  notifications,
  onboarding,
  partners,
  playbooks,
  products,
  profile,
  programs,
  risk,
  search,
  session,
  tasks,
  team,
  timeline,
  tokens,
  users,
  imports,
  backup,
  email,
  pdf,
  ics,
  validation,
  errors,
};
