import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconBell,
  IconBriefcase,
  IconBuildingStore,
  IconCalendarEvent,
  IconCertificate,
  IconCertificate2,
  IconDatabaseExport,
  IconFileImport,
  IconChecklist,
  IconCoins,
  IconFileCertificate,
  IconFileText,
  IconHome,
  IconKey,
  IconLayoutKanban,
  IconListCheck,
  IconMail,
  IconPackage,
  IconRocket,
  IconShieldCheck,
  IconShieldCog,
  IconStairsUp,
  IconUserCircle,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { MeCan } from '../../shared/schemas/user.js';
import type en from '../../shared/i18n/en/common.js';
import { i18n } from '../i18n.js';

export type NavId = keyof (typeof en)['nav'];

export interface NavEntry {
  to: string;
  /** Names its label and its one line for the command palette in the `common:nav` catalogue. */
  id: NavId;
  icon: ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Who sees the entry: those whose /api/me `can` has this flag; everyone when absent. The route itself is guarded as well. */
  allow?: keyof MeCan;
  /** Extra words the command palette matches. */
  keywords?: string[];
  section: 'main' | 'compliance' | 'admin' | 'account';
}

/**
 * The navigation, in order. The navbar, the command palette and the phone menu all read it:
 * a new feature adds one line here and its route in router.tsx.
 */
export const NAV: NavEntry[] = [
  { section: 'main', to: '/', id: 'home', icon: IconHome },
  {
    section: 'main',
    to: '/my-work',
    id: 'myWork',
    icon: IconChecklist,
    keywords: ['tasks', 'todo', 'to-do', 'due', 'overdue', 'reminders'],
  },
  {
    section: 'main',
    to: '/meetings',
    id: 'meetings',
    icon: IconCalendarEvent,
    keywords: ['sync', 'calendar', 'ics', 'quarterly', 'minutes', 'feed'],
  },
  {
    section: 'main',
    to: '/partners',
    id: 'partners',
    icon: IconBuildingStore,
    keywords: ['companies', 'vendors', 'distributors', 'resellers', 'list'],
  },
  { section: 'main', to: '/deals', id: 'deals', icon: IconLayoutKanban, keywords: ['opportunities', 'pipeline', 'board', 'forecast', 'won', 'lost', 'stages', 'exchange rates'] },
  {
    section: 'main',
    to: '/contacts',
    id: 'contacts',
    icon: IconAddressBook,
    keywords: ['people', 'directory', 'stakeholders', 'vcard', 'csv', 'export'],
  },
  { section: 'main', to: '/colleagues', id: 'colleagues', icon: IconBriefcase, keywords: ['team', 'owner', 'people'] },
  {
    section: 'main',
    to: '/onboardings',
    id: 'onboardings',
    icon: IconRocket,
    keywords: ['onboarding', 'playbook', 'new partners', 'progress'],
  },
  {
    section: 'main',
    to: '/products',
    id: 'products',
    icon: IconPackage,
    keywords: ['catalogue', 'catalog', 'services', 'offer'],
  },
  {
    section: 'compliance',
    to: '/programs',
    id: 'programs',
    icon: IconStairsUp,
    keywords: ['levels', 'tiers', 'certifications', 'requirements', 'partner program', 'gap', 'forecast'],
  },
  {
    section: 'compliance',
    to: '/certifications',
    id: 'certifications',
    icon: IconCertificate,
    keywords: ['certificates', 'exams', 'matrix', 'expiry', 'cka', 'aws', 'skills', 'training'],
  },
  { section: 'main', to: '/registrations', id: 'registrations', icon: IconFileCertificate, keywords: ['deal registration', 'protection', 'conflict', 'portal', 'reseller'] },
  { section: 'main', to: '/commission-statements', id: 'commissions', icon: IconCoins, keywords: ['kickback', 'commission', 'referral fee', 'statement', 'payout', 'unpaid'] },
  {
    section: 'compliance',
    to: '/contracts',
    id: 'contracts',
    icon: IconFileText,
    keywords: ['contract', 'agreement', 'notice', 'renewal', 'nda', 'dpa', 'msa', 'sla'],
  },
  {
    section: 'compliance',
    to: '/risk',
    id: 'risk',
    icon: IconShieldCheck,
    keywords: ['risk', 'security', 'assessment', 'supplier', 'review', 'finma', 'dpa'],
  },
  {
    section: 'admin',
    to: '/admin/certifications',
    id: 'certificationCatalogue',
    icon: IconCertificate2,
    allow: 'manageCertifications',
    keywords: ['certifications', 'catalogue', 'catalog', 'validity', 'renewal', 'exams'],
  },
  {
    section: 'admin',
    to: '/admin/risk',
    id: 'riskPolicy',
    icon: IconShieldCog,
    allow: 'configureRisk',
    keywords: ['risk', 'criteria', 'thresholds', 'clauses', 'security policy'],
  },
  {
    section: 'admin',
    to: '/playbooks',
    id: 'playbooks',
    icon: IconListCheck,
    allow: 'managePlaybooks',
    keywords: ['onboarding', 'templates', 'steps', 'checklist'],
  },
  {
    section: 'admin',
    to: '/users',
    id: 'users',
    icon: IconUsersGroup,
    allow: 'manageUsers',
    keywords: ['people', 'roles', 'accounts', 'deactivate'],
  },
  {
    section: 'admin',
    to: '/admin/import',
    id: 'imports',
    icon: IconFileImport,
    allow: 'managePartners',
    keywords: ['import', 'csv', 'excel', 'xlsx', 'hubspot', 'salesforce', 'upload'],
  },
  {
    section: 'admin',
    to: '/admin/backup',
    id: 'backup',
    icon: IconDatabaseExport,
    allow: 'downloadBackup',
    keywords: ['backup', 'restore', 'export', 'database', 'postgresql', 'move'],
  },
  {
    section: 'admin',
    to: '/admin/mail',
    id: 'outbox',
    icon: IconMail,
    allow: 'readMail',
    keywords: ['mail', 'e-mail', 'smtp', 'sent', 'outbox'],
  },
  { section: 'account', to: '/inbox', id: 'inbox', icon: IconBell, keywords: ['notifications', 'reminders', 'unread', 'bell'] },
  { section: 'account', to: '/profile', id: 'profile', icon: IconUserCircle, keywords: ['password', 'account'] },
  { section: 'account', to: '/tokens', id: 'tokens', icon: IconKey, keywords: ['api', 'token', 'integration'] },
];

/** A section's heading, in the current language. */
export const sectionLabel = (section: NavEntry['section']) => i18n.t(`common:navSection.${section}`);

/** The entries this person may open, from the abilities /api/me answers with, worded in the current language. */
export const navFor = (can: MeCan) =>
  NAV.filter((e) => !e.allow || can[e.allow]).map((e) => ({ ...e, label: i18n.t(`common:nav.${e.id}.label`), description: i18n.t(`common:nav.${e.id}.description`) }));
