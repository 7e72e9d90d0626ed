import { type CSSVariablesResolver, createTheme, darken, defaultVariantColorsResolver, InputWrapper, MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api.ts";
import { meQueryKey, useMe } from "../lib/current-user.ts";

/**
 * The app's Mantine theme in a language (the close buttons' label); tests render with it too (web/src/test/render.tsx).
 * Colours dark enough for the 4.5:1 contrast WCAG AA asks of normal text (Mantine's default shade 6 gives 4:1 for white
 * on indigo, 2.9:1 for teal on white): links in shade 8, filled buttons and badges on shade 9 darkened by a fifth (white
 * on yellow reads at 4.6:1); light and outline ones write in shade 9 darkened by 30 % (`readableColors` below).
 */
function themeFor(closeLabel: string) {
  return createTheme({
    primaryColor: "indigo",
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: "md",
    variantColorResolver: (input) => {
      const colors = defaultVariantColorsResolver(input);
      const shades = input.theme.colors[input.color ?? input.theme.primaryColor];
      if (input.variant === "filled" && shades) return { ...colors, background: darken(shades[9], 0.2), hover: darken(shades[9], 0.3) };
      return colors;
    },
    components: {
      // Our forms ask only for what they need, so every field is required and an asterisk tells nothing;
      // it would also become part of each label's text ("Mot de passe *") for tests and some screen readers.
      InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
      // A close button (modals, drawers, notifications) is an icon: screen readers say its name.
      // Plain objects, not `Modal.extend(…)`: importing the components here would put them on the login page.
      Modal: { defaultProps: { closeButtonProps: { "aria-label": closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { "aria-label": closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { "aria-label": closeLabel } } },
    },
  });
}

/**
 * Text at the contrast WCAG AA asks of normal text (4.5:1; axe checks it in every journey). Mantine's defaults are under
 * it: secondary ("dimmed") text and placeholders in gray 6 (3.3:1 on white, gray 7 reads at 7:1), coloured text and
 * light/outline variants in shade 6 (teal 6 on white: 2.9:1).
 */
const readableColors: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    // `c="teal"`, light and outline badges and buttons, the active navigation link: a dark shade of the colour.
    ...Object.fromEntries(
      Object.entries(theme.colors).flatMap(([name, shades]) => {
        const text = darken(shades[9], 0.3);
        return [
          [`--mantine-color-${name}-text`, text],
          [`--mantine-color-${name}-light-color`, text],
          [`--mantine-color-${name}-outline`, text],
        ];
      }),
    ),
    "--mantine-primary-color-light-color": darken(theme.colors[theme.primaryColor]?.[9] ?? "#364fc7", 0.3),
  },
  dark: {},
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
  const { i18n, t } = useTranslation();
  const theme = useMemo(() => themeFor(t("common.close")), [t]);
  return (
    <MantineProvider theme={theme} env={env} cssVariablesResolver={readableColors}>
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
