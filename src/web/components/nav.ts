import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconBell,
  IconBriefcase,
  IconBuildingStore,
  IconCalendarEvent,
  IconCertificate,
  IconCertificate2,
  IconChecklist,
  IconFileText,
  IconHome,
  IconKey,
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

export interface NavEntry {
  to: string;
  label: string;
  /** One line for the command palette. */
  description: string;
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
  { section: 'main', to: '/', label: 'Home', icon: IconHome, description: 'Your overview' },
  {
    section: 'main',
    to: '/my-work',
    label: 'My work',
    icon: IconChecklist,
    description: 'Your open tasks by due date, and your partners overdue for contact',
    keywords: ['tasks', 'todo', 'to-do', 'due', 'overdue', 'reminders'],
  },
  {
    section: 'main',
    to: '/meetings',
    label: 'Meetings',
    icon: IconCalendarEvent,
    description: 'Upcoming sync meetings, the quarterly get-together and calendar feeds',
    keywords: ['sync', 'calendar', 'ics', 'quarterly', 'minutes', 'feed'],
  },
  {
    section: 'main',
    to: '/partners',
    label: 'Partners',
    icon: IconBuildingStore,
    description: 'Vendors, cloud providers, distributors and resellers',
    keywords: ['companies', 'vendors', 'distributors', 'resellers', 'list'],
  },
  {
    section: 'main',
    to: '/contacts',
    label: 'Contacts',
    icon: IconAddressBook,
    description: 'The people at every partner; export as CSV or vCard',
    keywords: ['people', 'directory', 'stakeholders', 'vcard', 'csv', 'export'],
  },
  { section: 'main', to: '/colleagues', label: 'Colleagues', icon: IconBriefcase, description: 'Who works on which partner, in which role', keywords: ['team', 'owner', 'people'] },
  {
    section: 'main',
    to: '/onboardings',
    label: 'Onboardings',
    icon: IconRocket,
    description: 'New partners on their way to active: progress and overdue steps',
    keywords: ['onboarding', 'playbook', 'new partners', 'progress'],
  },
  {
    section: 'main',
    to: '/products',
    label: 'Products',
    icon: IconPackage,
    description: 'Our products and services that include partners',
    keywords: ['catalogue', 'catalog', 'services', 'offer'],
  },
  {
    section: 'compliance',
    to: '/programs',
    label: 'Programs',
    icon: IconStairsUp,
    description: 'Partner programme levels: what we hold, what is missing, when expiries put it at risk',
    keywords: ['levels', 'tiers', 'certifications', 'requirements', 'partner program', 'gap', 'forecast'],
  },
  {
    section: 'compliance',
    to: '/certifications',
    label: 'Certifications',
    icon: IconCertificate,
    description: 'Who holds which certification, expiries and planned exams; the matrix as CSV',
    keywords: ['certificates', 'exams', 'matrix', 'expiry', 'cka', 'aws', 'skills', 'training'],
  },
  {
    section: 'compliance',
    to: '/contracts',
    label: 'Contracts',
    icon: IconFileText,
    description: 'Agreements with partners: terms, renewals and notice deadlines',
    keywords: ['contract', 'agreement', 'notice', 'renewal', 'nda', 'dpa', 'msa', 'sla'],
  },
  {
    section: 'compliance',
    to: '/risk',
    label: 'Supplier risk',
    icon: IconShieldCheck,
    description: 'Partners’ risk ratings and due reviews under the supplier security policy',
    keywords: ['risk', 'security', 'assessment', 'supplier', 'review', 'finma', 'dpa'],
  },
  {
    section: 'admin',
    to: '/admin/certifications',
    label: 'Certification catalogue',
    icon: IconCertificate2,
    description: 'Certifications per partner programme: validity and which exams renew which',
    allow: 'manageCertifications',
    keywords: ['certifications', 'catalogue', 'catalog', 'validity', 'renewal', 'exams'],
  },
  {
    section: 'admin',
    to: '/admin/risk',
    label: 'Risk policy',
    icon: IconShieldCog,
    description: 'Risk criteria, rating thresholds, review intervals and required contract clauses',
    allow: 'configureRisk',
    keywords: ['risk', 'criteria', 'thresholds', 'clauses', 'security policy'],
  },
  {
    section: 'admin',
    to: '/playbooks',
    label: 'Playbooks',
    icon: IconListCheck,
    description: 'Onboarding playbooks per partner type: steps, owners, due dates',
    allow: 'managePlaybooks',
    keywords: ['onboarding', 'templates', 'steps', 'checklist'],
  },
  {
    section: 'admin',
    to: '/users',
    label: 'Users',
    icon: IconUsersGroup,
    description: 'Accounts, roles and access',
    allow: 'manageUsers',
    keywords: ['people', 'roles', 'accounts', 'deactivate'],
  },
  {
    section: 'admin',
    to: '/admin/mail',
    label: 'Outbox',
    icon: IconMail,
    description: 'Every mail the app sent or keeps without an SMTP server',
    allow: 'readMail',
    keywords: ['mail', 'e-mail', 'smtp', 'sent', 'outbox'],
  },
  { section: 'account', to: '/inbox', label: 'Inbox', icon: IconBell, description: 'Reminders and digests for you', keywords: ['notifications', 'reminders', 'unread', 'bell'] },
  { section: 'account', to: '/profile', label: 'Profile', icon: IconUserCircle, description: 'Your name and password', keywords: ['password', 'account'] },
  { section: 'account', to: '/tokens', label: 'API tokens', icon: IconKey, description: 'Personal tokens for scripts and integrations', keywords: ['api', 'token', 'integration'] },
];

export const SECTION_LABELS: Record<NavEntry['section'], string> = {
  main: 'Workspace',
  compliance: 'Compliance',
  admin: 'Administration',
  account: 'Your account',
};

/** The entries this person may open, from the abilities /api/me answers with. */
export const navFor = (can: MeCan) => NAV.filter((e) => !e.allow || can[e.allow]);
