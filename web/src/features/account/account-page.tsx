import { Button, Card, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ChangePasswordBody, DISPLAY_NAME_MAX_LENGTH, UpdateMeBody } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { NewPasswordFields } from "../../components/new-password-fields.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { withPasswordConfirmation } from "../../lib/password.ts";
import { useCurrentUser } from "../auth/index.ts";
import { useChangePassword, useUpdateMe } from "./queries.ts";

const PasswordFormSchema = withPasswordConfirmation(ChangePasswordBody, "newPassword");

/** "My account": name, interface language, password. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("account.title")} · Passerelle`);
  return (
    <Stack maw={560}>
      <Title order={1}>{t("account.title")}</Title>
      <ProfileSection />
      <Card withBorder component="section" aria-labelledby="account-language">
        <Stack gap="xs">
          <Title order={2} size="h3" id="account-language">
            {t("account.language.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("account.language.description")}
          </Text>
          <LanguageSwitch label={t("account.language.label")} w="fit-content" />
        </Stack>
      </Card>
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
    <Card withBorder component="section" aria-labelledby="account-profile">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="account-profile">
            {t("account.profile.title")}
          </Title>
          <ErrorAlert error={save.error} />
          <TextInput label={t("fields.email")} value={me.email} readOnly description={t("account.profile.emailHelp")} />
          <TextInput
            label={t("fields.displayName")}
            maxLength={DISPLAY_NAME_MAX_LENGTH}
            autoComplete="name"
            required
            {...form.getInputProps("displayName")}
          />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t("common.save")}
          </Button>
        </Stack>
      </form>
    </Card>
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
    <Card withBorder component="section" aria-labelledby="account-password">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Title order={2} size="h3" id="account-password">
            {t("account.password.title")}
          </Title>
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
    </Card>
  );
}
