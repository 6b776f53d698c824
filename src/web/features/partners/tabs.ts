import type { ComponentType } from 'react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { i18n } from '../../i18n.js';
import { HistoryTab } from './HistoryTab.js';
import { OverviewTab } from './OverviewTab.js';
import { OnboardingTab } from '../onboarding/OnboardingTab.js';
import { PeopleTab } from '../contacts/PeopleTab.js';
import { TeamTab } from '../team/TeamTab.js';
import { TimelineTab } from '../timeline/TimelineTab.js';
import { TasksTab } from '../tasks/TasksTab.js';
import { ContractsTab } from '../contracts/ContractsTab.js';
import { MeetingsTab } from '../meetings/MeetingsTab.js';
import { ProgramsTab } from '../programs/ProgramsTab.js';
import { RiskTab } from '../risk/RiskTab.js';
import { DocumentsTab } from '../documents/DocumentsTab.js';
import { DealsTab } from '../deals/DealsTab.js';
import { KickbacksTab, showsKickbacks } from '../kickbacks/KickbacksTab.js';
import { RegistrationsTab, showsRegistrations } from '../registrations/RegistrationsTab.js';

export interface PartnerTabProps {
  /** The partner with what the signed-in person may do with it (`can`) and the levels held. */
  partner: PartnerDetail;
}

/**
 * The tabs of the partner 360° page, in order. A feature adds its tab with one entry in `partnerTabs`:
 * `value` is the URL segment (/partners/:id/<value>).
 */
export interface PartnerTab {
  value: string;
  /** The tab's name in the current language. */
  label: () => string;
  Component: ComponentType<PartnerTabProps>;
  /** Only for some partners (kickbacks: consultants and resellers); every partner when absent. */
  shows?: (partner: PartnerDetail) => boolean;
}

/**
 * Order: overview, people, our team, timeline, … later features (deals, certifications, funds …),
 * history last. Each entry imports its component from its own feature folder.
 */
export const partnerTabs: PartnerTab[] = [
  { value: 'overview', label: () => i18n.t('partners:tab.overview'), Component: OverviewTab },
  { value: 'onboarding', label: () => i18n.t('partners:tab.onboarding'), Component: OnboardingTab },
  { value: 'people', label: () => i18n.t('partners:tab.people'), Component: PeopleTab },
  { value: 'team', label: () => i18n.t('partners:tab.team'), Component: TeamTab },
  { value: 'timeline', label: () => i18n.t('partners:tab.timeline'), Component: TimelineTab },
  { value: 'meetings', label: () => i18n.t('partners:tab.meetings'), Component: MeetingsTab },
  { value: 'tasks', label: () => i18n.t('partners:tab.tasks'), Component: TasksTab },
  { value: 'programs', label: () => i18n.t('partners:tab.programs'), Component: ProgramsTab },
  { value: 'risk', label: () => i18n.t('partners:tab.risk'), Component: RiskTab },
  { value: 'contracts', label: () => i18n.t('partners:tab.contracts'), Component: ContractsTab },
  { value: 'deals', label: () => i18n.t('partners:tab.deals'), Component: DealsTab },
  { value: 'registrations', label: () => i18n.t('partners:tab.registrations'), Component: RegistrationsTab, shows: showsRegistrations },
  { value: 'kickbacks', label: () => i18n.t('partners:tab.kickbacks'), Component: KickbacksTab, shows: showsKickbacks },
  { value: 'documents', label: () => i18n.t('partners:tab.documents'), Component: DocumentsTab },
  { value: 'history', label: () => i18n.t('partners:tab.history'), Component: HistoryTab },
];
