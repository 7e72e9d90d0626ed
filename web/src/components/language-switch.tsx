import { SegmentedControl, type SegmentedControlProps } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../i18n/index.ts";
import { call, client } from "../lib/api-client.ts";
import { meQueryKey, useMe } from "../lib/current-user.ts";
import { errorMessage } from "../lib/forms.ts";

const OPTIONS = [
  { value: "fr", label: "FR" },
  { value: "en", label: "EN" },
];

/** FR/EN switch. The choice is kept in this browser, and in the account when logged in. */
export function LanguageSwitch({ label, ...props }: Omit<SegmentedControlProps, "data" | "value" | "onChange"> & { label?: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const saveLocale = useMutation({
    mutationFn: (locale: Language) => call(client.PATCH("/api/me", { body: { locale } })),
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
    // Imported on error only: the switch is on the login page, which loads without the notifications (app/providers.tsx).
    onError: (error) =>
      void import("@mantine/notifications").then(({ notifications }) => notifications.show({ color: "red", message: errorMessage(error) })),
  });

  function change(value: string) {
    const language: Language = value === "en" ? "en" : "fr";
    void i18n.changeLanguage(language);
    if (me) saveLocale.mutate(language);
  }

  return (
    <SegmentedControl aria-label={label ?? t("language.label")} data={OPTIONS} value={currentLanguage()} onChange={change} {...props} />
  );
}
