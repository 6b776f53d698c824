import type { ComponentType } from 'react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
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
  label: string;
  Component: ComponentType<PartnerTabProps>;
}

/**
 * Order: overview, people, our team, timeline, … later features (deals, certifications, funds …),
 * history last. Each entry imports its component from its own feature folder.
 */
export const partnerTabs: PartnerTab[] = [
  { value: 'overview', label: 'Overview', Component: OverviewTab },
  { value: 'onboarding', label: 'Onboarding', Component: OnboardingTab },
  { value: 'people', label: 'People', Component: PeopleTab },
  { value: 'team', label: 'Our team', Component: TeamTab },
  { value: 'timeline', label: 'Timeline', Component: TimelineTab },
  { value: 'meetings', label: 'Meetings', Component: MeetingsTab },
  { value: 'tasks', label: 'Tasks', Component: TasksTab },
  { value: 'programs', label: 'Programs', Component: ProgramsTab },
  { value: 'risk', label: 'Risk', Component: RiskTab },
  { value: 'contracts', label: 'Contracts', Component: ContractsTab },
  { value: 'documents', label: 'Documents', Component: DocumentsTab },
  { value: 'history', label: 'History', Component: HistoryTab },
];
