import { createTheme, InputWrapper, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { meQueryKey, useMe } from "../features/auth/current-user.ts";
import { ApiError } from "../lib/api.ts";

const theme = createTheme({
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

/** Applies the logged-in user's saved language, which wins over this browser's last choice. */
function AccountLanguage() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  useEffect(() => {
    if (me && me.locale !== i18n.language) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <AccountLanguage />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
