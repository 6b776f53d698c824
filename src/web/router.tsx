import type { ComponentProps, ComponentType } from 'react';
import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireAccess } from './components/RequireAccess.js';
import { NotFoundPage, RouteError } from './components/RouteError.js';
import { RequireSession } from './components/session.js';

/**
 * A page loaded when it is first visited: each page is a chunk of its own, so the sign-in page and
 * Home do not carry the code of the other thirty. `access` wraps it in RequireAccess.
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, access?: Omit<ComponentProps<typeof RequireAccess>, 'children'>) {
  return async () => {
    const Page = pick(await load());
    return {
      Component: access
        ? () => (
            <RequireAccess {...access}>
              <Page />
            </RequireAccess>
          )
        : Page,
    };
  };
}

function Loading() {
  const { t } = useTranslation('common');
  return (
    <Center h="60vh">
      <Loader aria-label={t('state.loadingLabel')} />
    </Center>
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    element: <Outlet />,
    children: [
      {
        path: '/setup',
        lazy: page(
          () => import('./features/session/SetupPage.js'),
          (m) => m.SetupPage,
        ),
      },
      {
        path: '/sign-in',
        lazy: page(
          () => import('./features/session/SignInPage.js'),
          (m) => m.SignInPage,
        ),
      },
      {
        // The signed-in shell (navigation, command palette) loads with the first signed-in page, not with sign-in.
        lazy: async () => {
          const { AppLayout } = await import('./shell/AppLayout.js');
          return {
            Component: () => (
              <RequireSession>
                <AppLayout />
              </RequireSession>
            ),
          };
        },
        children: [
          {
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                lazy: page(
                  () => import('./features/home/HomePage.js'),
                  (m) => m.HomePage,
                ),
              },
              {
                path: 'my-work',
                lazy: page(
                  () => import('./features/tasks/MyWorkPage.js'),
                  (m) => m.MyWorkPage,
                ),
              },
              {
                path: 'meetings',
                lazy: page(
                  () => import('./features/meetings/MeetingsPage.js'),
                  (m) => m.MeetingsPage,
                ),
              },
              {
                path: 'profile',
                lazy: page(
                  () => import('./features/profile/ProfilePage.js'),
                  (m) => m.ProfilePage,
                ),
              },
              {
                path: 'tokens',
                lazy: page(
                  () => import('./features/tokens/TokensPage.js'),
                  (m) => m.TokensPage,
                ),
              },
              {
                path: 'partners',
                lazy: page(
                  () => import('./features/partners/PartnersPage.js'),
                  (m) => m.PartnersPage,
                ),
              },
              {
                path: 'partners/new',
                lazy: page(
                  () => import('./features/partners/PartnerFormPage.js'),
                  (m) => m.NewPartnerPage,
                ),
              },
              {
                path: 'partners/:id/edit',
                lazy: page(
                  () => import('./features/partners/PartnerFormPage.js'),
                  (m) => m.EditPartnerPage,
                ),
              },
              {
                path: 'partners/:id/:tab?',
                lazy: page(
                  () => import('./features/partners/PartnerPage.js'),
                  (m) => m.PartnerPage,
                ),
              },
              {
                path: 'products',
                lazy: page(
                  () => import('./features/products/ProductsPage.js'),
                  (m) => m.ProductsPage,
                ),
              },
              {
                path: 'deals',
                lazy: page(
                  () => import('./features/deals/BoardPage.js'),
                  (m) => m.BoardPage,
                ),
              },
              {
                path: 'deals/list',
                lazy: page(
                  () => import('./features/deals/DealsListPage.js'),
                  (m) => m.DealsListPage,
                ),
              },
              {
                path: 'deals/pipeline',
                lazy: page(
                  () => import('./features/deals/PipelinePage.js'),
                  (m) => m.PipelinePage,
                ),
              },
              {
                path: 'deals/:id',
                lazy: page(
                  () => import('./features/deals/OpportunityPage.js'),
                  (m) => m.OpportunityPage,
                ),
              },
              {
                path: 'admin/deal-stages',
                lazy: page(
                  () => import('./features/deals/StagesAdminPage.js'),
                  (m) => m.StagesAdminPage,
                  { allow: 'manageDealStages', what: 'dealStages' },
                ),
              },
              {
                path: 'admin/fx-rates',
                lazy: page(
                  () => import('./features/deals/RatesAdminPage.js'),
                  (m) => m.RatesAdminPage,
                  { allow: 'readFxRates', what: 'fxRates' },
                ),
              },
              {
                path: 'contacts',
                lazy: page(
                  () => import('./features/contacts/ContactsPage.js'),
                  (m) => m.ContactsPage,
                ),
              },
              {
                path: 'colleagues',
                lazy: page(
                  () => import('./features/team/ColleaguesPage.js'),
                  (m) => m.ColleaguesPage,
                ),
              },
              {
                path: 'colleagues/:id',
                lazy: page(
                  () => import('./features/team/ColleaguePage.js'),
                  (m) => m.ColleaguePage,
                ),
              },
              {
                path: 'onboardings',
                lazy: page(
                  () => import('./features/onboarding/OnboardingsPage.js'),
                  (m) => m.OnboardingsPage,
                ),
              },
              {
                path: 'commission-statements',
                lazy: page(
                  () => import('./features/kickbacks/StatementsPage.js'),
                  (m) => m.StatementsPage,
                ),
              },
              {
                path: 'commission-statements/unpaid',
                lazy: page(
                  () => import('./features/kickbacks/UnpaidPage.js'),
                  (m) => m.UnpaidPage,
                ),
              },
              {
                path: 'commission-statements/:id',
                lazy: page(
                  () => import('./features/kickbacks/StatementPage.js'),
                  (m) => m.StatementPage,
                ),
              },
              {
                path: 'registrations',
                lazy: page(
                  () => import('./features/registrations/RegistrationsPage.js'),
                  (m) => m.RegistrationsPage,
                ),
              },
              {
                path: 'registrations/:id',
                lazy: page(
                  () => import('./features/registrations/RegistrationPage.js'),
                  (m) => m.RegistrationPage,
                ),
              },
              {
                path: 'contracts',
                lazy: page(
                  () => import('./features/contracts/ContractsPage.js'),
                  (m) => m.ContractsPage,
                ),
              },
              {
                path: 'contracts/:id',
                lazy: page(
                  () => import('./features/contracts/ContractPage.js'),
                  (m) => m.ContractPage,
                ),
              },
              {
                path: 'playbooks',
                lazy: page(
                  () => import('./features/playbooks/PlaybooksPage.js'),
                  (m) => m.PlaybooksPage,
                ),
              },
              {
                path: 'programs',
                lazy: page(
                  () => import('./features/programs/ProgramsPage.js'),
                  (m) => m.ProgramsPage,
                ),
              },
              {
                path: 'programs/:id',
                lazy: page(
                  () => import('./features/programs/ProgramPage.js'),
                  (m) => m.ProgramPage,
                ),
              },
              {
                path: 'inbox',
                lazy: page(
                  () => import('./features/notifications/InboxPage.js'),
                  (m) => m.InboxPage,
                ),
              },
              {
                path: 'certifications',
                lazy: page(
                  () => import('./features/certifications/CertificationsPage.js'),
                  (m) => m.CertificationsPage,
                ),
              },
              {
                path: 'admin/certifications',
                lazy: page(
                  () => import('./features/certifications/CataloguePage.js'),
                  (m) => m.CataloguePage,
                  { allow: 'manageCertifications', what: 'certificationCatalogue' },
                ),
              },
              {
                path: 'risk',
                lazy: page(
                  () => import('./features/risk/RiskOverviewPage.js'),
                  (m) => m.RiskOverviewPage,
                ),
              },
              {
                path: 'admin/risk',
                lazy: page(
                  () => import('./features/risk/RiskAdminPage.js'),
                  (m) => m.RiskAdminPage,
                  { allow: 'configureRisk', what: 'riskPolicy' },
                ),
              },
              {
                path: 'admin/import',
                lazy: page(
                  () => import('./features/imports/ImportPage.js'),
                  (m) => m.ImportPage,
                  { allow: 'managePartners', what: 'imports' },
                ),
              },
              {
                path: 'admin/backup',
                lazy: page(
                  () => import('./features/backup/BackupPage.js'),
                  (m) => m.BackupPage,
                  { allow: 'downloadBackup', what: 'backup' },
                ),
              },
              {
                path: 'admin/mail',
                lazy: page(
                  () => import('./features/mail/OutboxPage.js'),
                  (m) => m.OutboxPage,
                  { allow: 'readMail', what: 'outbox' },
                ),
              },
              {
                path: 'users',
                lazy: page(
                  () => import('./features/users/UsersPage.js'),
                  (m) => m.UsersPage,
                  { allow: 'manageUsers', what: 'users' },
                ),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
