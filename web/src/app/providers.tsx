import { createTheme, InputWrapper, MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api.ts";
import { meQueryKey, useMe } from "../lib/current-user.ts";

/** The app's Mantine theme; tests render with it too (web/src/test/render.tsx). */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  components: {
    // Our forms ask only for what they need, so every field is required and an asterisk tells nothing;
    // it would also become part of each label's text ("Mot de passe *") for tests and some screen readers.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 on any query means the session ended (expired, closed elsewhere): the guard then shows the login page.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meQueryKey, null);
    },
  }),
  defaultOptions: {
    queries: {
      // Client errors will not change by retrying; network and server errors might.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The notifications' container (transitions, swipe to dismiss: some 12 kB) is not needed to show the
 * first page, so it loads just after; a notification shown before it arrives waits in the store.
 */
const Notifications = lazy(async () => ({ default: (await import("@mantine/notifications")).Notifications }));

/** Applies the logged-in user's saved language, which wins over this browser's last choice. */
function AccountLanguage() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  useEffect(() => {
    if (me && me.locale !== i18n.language) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);
  return null;
}

/**
 * Mantine with the app's theme, and the date pickers in the UI language (month names, Monday first).
 * The app and the component tests both render inside it; `env="test"` turns off transitions and portals.
 */
export function UiProviders({ children, env }: { children: ReactNode; env?: "default" | "test" }) {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} env={env}>
      <DatesProvider settings={{ locale: i18n.language === "en" ? "en" : "fr", firstDayOfWeek: 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

/** Everything the app renders in: the query client (a 401 anywhere shows the login page), Mantine, notifications. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <UiProviders>
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
        <AccountLanguage />
        {children}
      </UiProviders>
    </QueryClientProvider>
  );
}
