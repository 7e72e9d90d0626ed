/**
 * The app's routes. Each page and layout loads lazily, in its own chunk: the login page fetches only
 * what it shows, not the charts, markdown or date pickers of the pages behind it
 * (`scripts/check-bundle-budget.ts` holds it to a budget). React Router loads a route's chunk before
 * it navigates, so the current page stays on screen meanwhile; the first load shows a loader.
 */
import { Outlet, type RouteObject } from "react-router";
import type { Role } from "../../../contracts/accounts.ts";
import { PageLoader } from "../components/page-loader.tsx";
import { RequireAuth, RequireRole } from "../features/auth/index.ts";
import { loadAppTexts } from "../i18n/index.ts";
import { RouteError } from "./route-error.tsx";

/** Pages for some roles only: others see a "forbidden" message in their place. */
function restricted(roles: readonly Role[], children: RouteObject[]): RouteObject {
  return {
    element: (
      <RequireRole roles={roles}>
        <Outlet />
      </RequireRole>
    ),
    children,
  };
}

/**
 * The routes, for `createBrowserRouter` (main.tsx) and for tests (`createMemoryRouter`). A function:
 * a router marks the `lazy` objects it has loaded, so each router needs its own.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      hydrateFallbackElement: <PageLoader />,
      errorElement: <RouteError />,
      children: [
        {
          lazy: { Component: async () => (await import("./layout/public-layout.tsx")).PublicLayout },
          children: [
            { path: "/login", lazy: { Component: async () => (await import("../features/auth/login-page.tsx")).LoginPage } },
            { path: "/setup", lazy: { Component: async () => (await import("../features/setup/setup-page.tsx")).SetupPage } },
            {
              path: "/forgot-password",
              lazy: { Component: async () => (await import("../features/password-reset/forgot-password-page.tsx")).ForgotPasswordPage },
            },
            {
              path: "/reset-password",
              lazy: { Component: async () => (await import("../features/password-reset/reset-password-page.tsx")).ResetPasswordPage },
            },
            {
              path: "/invitation/:token",
              lazy: { Component: async () => (await import("../features/invitations/accept-invitation-page.tsx")).AcceptInvitationPage },
            },
            {
              path: "/unsubscribe/:id",
              lazy: { Component: async () => (await import("../features/unsubscribe/unsubscribe-page.tsx")).UnsubscribePage },
            },
            { path: "*", lazy: { Component: async () => (await import("../features/not-found/not-found-page.tsx")).NotFoundPage } },
          ],
        },
        {
          element: (
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          ),
          children: [
            {
              // The app's French texts load with its layout (the login page does without them).
              lazy: {
                Component: async () => {
                  const [layout] = await Promise.all([import("./layout/app-layout.tsx"), loadAppTexts()]);
                  return layout.AppLayout;
                },
              },
              children: [
                { path: "/", lazy: { Component: async () => (await import("../features/home/home-page.tsx")).HomePage } },
                { path: "/account", lazy: { Component: async () => (await import("../features/account/account-page.tsx")).AccountPage } },
                {
                  path: "/account/notifications",
                  lazy: {
                    Component: async () =>
                      (await import("../features/notification-preferences/notification-preferences-page.tsx")).NotificationPreferencesPage,
                  },
                },
                { path: "/profile", lazy: { Component: async () => (await import("../features/profile/profile-page.tsx")).ProfilePage } },
                {
                  path: "/self-assessment",
                  lazy: {
                    Component: async () => (await import("../features/self-assessment/self-assessment-page.tsx")).SelfAssessmentPage,
                  },
                },
                {
                  path: "/programmes",
                  lazy: { Component: async () => (await import("../features/programmes/programmes-page.tsx")).ProgrammesPage },
                },
                restricted(
                  ["admin", "manager"],
                  [
                    {
                      path: "/programmes/new",
                      lazy: { Component: async () => (await import("../features/programmes/new-programme-page.tsx")).NewProgrammePage },
                    },
                    {
                      path: "/programmes/:id/pairs/:pairId",
                      lazy: { Component: async () => (await import("../features/programmes/pair-detail-page.tsx")).PairDetailPage },
                    },
                    {
                      path: "/admin/people",
                      lazy: { Component: async () => (await import("../features/admin/people-page.tsx")).PeoplePage },
                    },
                    {
                      path: "/people/:id",
                      lazy: { Component: async () => (await import("../features/person/person-page.tsx")).PersonPage },
                    },
                    {
                      path: "/admin/import",
                      lazy: { Component: async () => (await import("../features/import/import-page.tsx")).ImportPage },
                    },
                  ],
                ),
                {
                  path: "/programmes/:id",
                  lazy: { Component: async () => (await import("../features/programmes/programme-page.tsx")).ProgrammePage },
                },
                {
                  path: "/programmes/:id/onboarding",
                  lazy: { Component: async () => (await import("../features/onboarding/onboarding-page.tsx")).OnboardingPage },
                },
                {
                  path: "/programmes/:id/mentors",
                  lazy: { Component: async () => (await import("../features/proposals/mentors-page.tsx")).MentorsPage },
                },
                { path: "/pairs", lazy: { Component: async () => (await import("../features/pairs/pairs-page.tsx")).PairsPage } },
                { path: "/pairs/:id", lazy: { Component: async () => (await import("../features/pairs/pair-page.tsx")).PairPage } },
                {
                  path: "/pairs/:pairId/sessions/:sessionId",
                  lazy: { Component: async () => (await import("../features/sessions/session-page.tsx")).SessionPage },
                },
                {
                  path: "/proposals",
                  lazy: { Component: async () => (await import("../features/proposals/proposals-page.tsx")).ProposalsPage },
                },
                {
                  path: "/glossary",
                  lazy: { Component: async () => (await import("../features/glossary/glossary-page.tsx")).GlossaryPage },
                },
                restricted(
                  ["admin"],
                  [
                    {
                      path: "/admin/skills",
                      lazy: { Component: async () => (await import("../features/skills-admin/skills-page.tsx")).SkillsPage },
                    },
                    {
                      path: "/admin/mail",
                      lazy: { Component: async () => (await import("../features/outbox/outbox-page.tsx")).OutboxPage },
                    },
                  ],
                ),
              ],
            },
          ],
        },
      ],
    },
  ];
}
