import { Anchor, Button, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ChangePasswordBody, UpdateMeBody } from "../../../../contracts/accounts.ts";
import { DisplayNameField } from "../../components/display-name-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { NewPasswordFields } from "../../components/new-password-fields.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { withPasswordConfirmation } from "../../lib/password.ts";
import { useCurrentUser } from "../auth/index.ts";
import { CalendarFeedCard } from "../calendar/index.ts";
import { NOTIFICATION_PREFERENCES_PATH } from "../notification-preferences/index.ts";
import { useChangePassword, useUpdateMe } from "./queries.ts";

const PasswordFormSchema = withPasswordConfirmation(ChangePasswordBody, "newPassword");

/** "My account": name, interface language, a link to "My notifications", my calendar subscription (participants), password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(`${t("account.title")} · Passerelle`);
  return (
    <Stack maw={560}>
      <Title order={1}>{t("account.title")}</Title>
      <ProfileSection />
      <SectionCard title={t("account.language.title")} description={t("account.language.description")}>
        <LanguageSwitch label={t("account.language.label")} w="fit-content" />
      </SectionCard>
      <SectionCard title={t("notificationPreferences.title")} description={t("notificationPreferences.accountDescription")}>
        <Anchor component={Link} to={NOTIFICATION_PREFERENCES_PATH}>
          {t("notificationPreferences.accountLink")}
        </Anchor>
      </SectionCard>
      {/* Participants have sessions; other accounts would subscribe to an empty calendar. */}
      {me.roles.includes("participant") && <CalendarFeedCard />}
      <PasswordSection />
    </Stack>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const form = useForm({ initialValues: { displayName: me.displayName }, validate: zodValidate(UpdateMeBody) });
  const save = useUpdateMe();
  const submit = (values: typeof form.values) =>
    save.mutate(values, {
      onSuccess: () => notifications.show({ color: "green", message: t("account.profile.saved") }),
      onError: (error) => setServerFieldErrors(form, error),
    });
  return (
    <SectionCard title={t("account.profile.title")}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label={t("fields.email")} value={me.email} readOnly description={t("account.profile.emailHelp")} />
          <DisplayNameField {...form.getInputProps("displayName")} />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t("common.save")}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: zodValidate(PasswordFormSchema),
  });
  const change = useChangePassword();
  const submit = ({ confirmPassword: _, ...values }: typeof form.values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: "green", message: t("account.password.changed") });
      },
      onError: (error) => setServerFieldErrors(form, error),
    });
  return (
    <SectionCard title={t("account.password.title")}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <ErrorAlert error={change.error} />
          <PasswordField
            label={t("fields.currentPassword")}
            autoComplete="current-password"
            required
            {...form.getInputProps("currentPassword")}
          />
          <NewPasswordFields
            password={form.getInputProps("newPassword")}
            confirmation={form.getInputProps("confirmPassword")}
            labels={{ password: "fields.newPassword", confirmation: "fields.confirmNewPassword" }}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t("account.password.submit")}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
