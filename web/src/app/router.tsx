import { createBrowserRouter } from "react-router";
import { AccountPage } from "../features/account/account-page.tsx";
import { PeoplePage } from "../features/admin/people-page.tsx";
import { LoginPage } from "../features/auth/login-page.tsx";
import { RequireAuth, RequireRole } from "../features/auth/require-auth.tsx";
import { HomePage } from "../features/home/home-page.tsx";
import { ImportPage } from "../features/import/import-page.tsx";
import { AcceptInvitationPage } from "../features/invitations/accept-invitation-page.tsx";
import { NotFoundPage } from "../features/not-found/not-found-page.tsx";
import { OnboardingPage } from "../features/onboarding/onboarding-page.tsx";
import { PairPage } from "../features/pairs/pair-page.tsx";
import { PairsPage } from "../features/pairs/pairs-page.tsx";
import { PersonPage } from "../features/person/person-page.tsx";
import { ProfilePage } from "../features/profile/profile-page.tsx";
import { NewProgrammePage } from "../features/programmes/new-programme-page.tsx";
import { ProgrammePage } from "../features/programmes/programme-page.tsx";
import { ProgrammesPage } from "../features/programmes/programmes-page.tsx";
import { MentorsPage } from "../features/proposals/mentors-page.tsx";
import { ProposalsPage } from "../features/proposals/proposals-page.tsx";
import { SelfAssessmentPage } from "../features/self-assessment/self-assessment-page.tsx";
import { SetupPage } from "../features/setup/setup-page.tsx";
import { SkillsPage } from "../features/skills-admin/skills-page.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { PublicLayout } from "./layout/public-layout.tsx";

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: "/login", element: <LoginPage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/invitation/:token", element: <AcceptInvitationPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/account", element: <AccountPage /> },
      { path: "/profile", element: <ProfilePage /> },
      { path: "/self-assessment", element: <SelfAssessmentPage /> },
      { path: "/programmes", element: <ProgrammesPage /> },
      {
        path: "/programmes/new",
        element: (
          <RequireRole roles={["admin", "manager"]}>
            <NewProgrammePage />
          </RequireRole>
        ),
      },
      { path: "/programmes/:id", element: <ProgrammePage /> },
      { path: "/programmes/:id/onboarding", element: <OnboardingPage /> },
      { path: "/programmes/:id/mentors", element: <MentorsPage /> },
      { path: "/pairs", element: <PairsPage /> },
      { path: "/pairs/:id", element: <PairPage /> },
      { path: "/proposals", element: <ProposalsPage /> },
      {
        path: "/admin/people",
        element: (
          <RequireRole roles={["admin", "manager"]}>
            <PeoplePage />
          </RequireRole>
        ),
      },
      {
        path: "/people/:id",
        element: (
          <RequireRole roles={["admin", "manager"]}>
            <PersonPage />
          </RequireRole>
        ),
      },
      {
        path: "/admin/import",
        element: (
          <RequireRole roles={["admin", "manager"]}>
            <ImportPage />
          </RequireRole>
        ),
      },
      {
        path: "/admin/skills",
        element: (
          <RequireRole roles={["admin"]}>
            <SkillsPage />
          </RequireRole>
        ),
      },
    ],
  },
]);
