import type { ComponentType } from 'react';
import { IconAddressBook, IconBriefcase, IconBuildingStore, IconHome, IconKey, IconPackage, IconUserCircle, IconUsersGroup } from '@tabler/icons-react';
import type { Role } from '../../shared/roles.js';
import { can, type Permission } from '../lib/access.js';

export interface NavEntry {
  to: string;
  label: string;
  /** One line for the command palette. */
  description: string;
  icon: ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Who sees the entry; everyone when absent. The route itself is guarded as well. */
  allow?: Permission;
  /** Extra words the command palette matches. */
  keywords?: string[];
  section: 'main' | 'admin' | 'account';
}

/**
 * The navigation, in order. The navbar, the command palette and the phone menu all read it:
 * a new feature adds one line here and its route in router.tsx.
 */
export const NAV: NavEntry[] = [
  { section: 'main', to: '/', label: 'Home', icon: IconHome, description: 'Your overview' },
  { section: 'main', to: '/partners', label: 'Partners', icon: IconBuildingStore, description: 'Vendors, cloud providers, distributors and resellers', keywords: ['companies', 'vendors', 'distributors', 'resellers', 'list'] },
  { section: 'main', to: '/contacts', label: 'Contacts', icon: IconAddressBook, description: 'The people at every partner; export as CSV or vCard', keywords: ['people', 'directory', 'stakeholders', 'vcard', 'csv', 'export'] },
  { section: 'main', to: '/colleagues', label: 'Colleagues', icon: IconBriefcase, description: 'Who works on which partner, in which role', keywords: ['team', 'owner', 'people'] },
  { section: 'main', to: '/products', label: 'Products', icon: IconPackage, description: 'Our products and services that include partners', keywords: ['catalogue', 'catalog', 'services', 'offer'] },
  { section: 'admin', to: '/users', label: 'Users', icon: IconUsersGroup, description: 'Accounts, roles and access', allow: can.manageUsers, keywords: ['people', 'roles', 'accounts', 'deactivate'] },
  { section: 'account', to: '/profile', label: 'Profile', icon: IconUserCircle, description: 'Your name and password', keywords: ['password', 'account'] },
  { section: 'account', to: '/tokens', label: 'API tokens', icon: IconKey, description: 'Personal tokens for scripts and integrations', keywords: ['api', 'token', 'integration'] },
];

export const SECTION_LABELS: Record<NavEntry['section'], string> = {
  main: 'Workspace',
  admin: 'Administration',
  account: 'Your account',
};

export const navFor = (role: Role) => NAV.filter((e) => !e.allow || e.allow(role));
