import { createBrowserRouter, Outlet } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { RequireAccess } from './components/RequireAccess.js';
import { NotFoundPage, RouteError } from './components/RouteError.js';
import { RequireSession } from './components/session.js';
import { can } from './lib/access.js';
import { HomePage } from './features/home/HomePage.js';
import { ProfilePage } from './features/profile/ProfilePage.js';
import { SetupPage } from './features/session/SetupPage.js';
import { SignInPage } from './features/session/SignInPage.js';
import { TokensPage } from './features/tokens/TokensPage.js';
import { UsersPage } from './features/users/UsersPage.js';
import { PartnersPage } from './features/partners/PartnersPage.js';
import { PartnerPage } from './features/partners/PartnerPage.js';
import { EditPartnerPage, NewPartnerPage } from './features/partners/PartnerFormPage.js';
import { ProductsPage } from './features/products/ProductsPage.js';
import { ContactsPage } from './features/contacts/ContactsPage.js';
import { ColleaguePage } from './features/team/ColleaguePage.js';
import { ColleaguesPage } from './features/team/ColleaguesPage.js';
import { PlaybooksPage } from './features/playbooks/PlaybooksPage.js';
import { OnboardingsPage } from './features/onboarding/OnboardingsPage.js';
import { ContractPage } from './features/contracts/ContractPage.js';
import { ContractsPage } from './features/contracts/ContractsPage.js';
import { MyWorkPage } from './features/tasks/MyWorkPage.js';
import { MeetingsPage } from './features/meetings/MeetingsPage.js';
import { InboxPage } from './features/notifications/InboxPage.js';
import { OutboxPage } from './features/mail/OutboxPage.js';
import { canReadMail } from './features/mail/access.js';
import { ProgramsPage } from './features/programs/ProgramsPage.js';
import { ProgramPage } from './features/programs/ProgramPage.js';
import { CertificationsPage } from './features/certifications/CertificationsPage.js';
import { CataloguePage as CertificationCataloguePage } from './features/certifications/CataloguePage.js';
import { RiskOverviewPage } from './features/risk/RiskOverviewPage.js';
import { RiskAdminPage } from './features/risk/RiskAdminPage.js';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    element: <Outlet />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'my-work', element: <MyWorkPage /> },
              { path: 'meetings', element: <MeetingsPage /> },
              { path: 'profile', element: <ProfilePage /> },
              { path: 'tokens', element: <TokensPage /> },
              { path: 'partners', element: <PartnersPage /> },
              { path: 'partners/new', element: <NewPartnerPage /> },
              { path: 'partners/:id/edit', element: <EditPartnerPage /> },
              { path: 'partners/:id/:tab?', element: <PartnerPage /> },
              { path: 'products', element: <ProductsPage /> },
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'colleagues', element: <ColleaguesPage /> },
              { path: 'colleagues/:id', element: <ColleaguePage /> },
              { path: 'onboardings', element: <OnboardingsPage /> },
              { path: 'contracts', element: <ContractsPage /> },
              { path: 'contracts/:id', element: <ContractPage /> },
              { path: 'playbooks', element: <PlaybooksPage /> },
              { path: 'programs', element: <ProgramsPage /> },
              { path: 'programs/:id', element: <ProgramPage /> },
              { path: 'inbox', element: <InboxPage /> },
              { path: 'certifications', element: <CertificationsPage /> },
              { path: 'admin/certifications', element: <RequireAccess allow={can.manageUsers} what="The certification catalogue is edited by administrators."><CertificationCataloguePage /></RequireAccess> },
              { path: 'risk', element: <RiskOverviewPage /> },
              { path: 'admin/risk', element: <RequireAccess allow={can.manageUsers} what="The risk policy is for administrators."><RiskAdminPage /></RequireAccess> },
              {
                path: 'admin/mail',
                element: (
                  <RequireAccess allow={canReadMail} what="The outbox holds everyone's mail: it is for administrators.">
                    <OutboxPage />
                  </RequireAccess>
                ),
              },
              {
                path: 'users',
                element: (
                  <RequireAccess allow={can.manageUsers} what="Managing users and their roles is for administrators.">
                    <UsersPage />
                  </RequireAccess>
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
