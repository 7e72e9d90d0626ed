import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EMAIL_MAX_LENGTH, SetupBody } from "../../../../contracts/accounts.ts";
import { DisplayNameField } from "../../components/display-name-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { NewPasswordFields } from "../../components/new-password-fields.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { withPasswordConfirmation } from "../../lib/password.ts";
import { setupStatusQuery, useSetup } from "./queries.ts";

const SetupFormSchema = withPasswordConfirmation(SetupBody.omit({ token: true }));

/** The first start: create the first administrator from the one-time link printed in the server's console. */
export function SetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("setup.title")} · Passerelle`);
  const token = useSearchParams()[0].get("token");
  const setupStatus = useQuery(setupStatusQuery());

  return (
    <GuestCard title={t("setup.title")}>
      {setupStatus.data?.isSetupRequired === false ? (
        <Alert color="blue" title={t("setup.doneTitle")}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("setup.done")}</Text>
            <Anchor component={Link} to="/login" size="sm">
              {t("setup.goToLogin")}
            </Anchor>
          </Stack>
        </Alert>
      ) : token ? (
        <SetupForm token={token} />
      ) : (
        <Alert color="yellow" title={t("setup.missingTokenTitle")}>
          {t("setup.missingToken")}
        </Alert>
      )}
    </GuestCard>
  );
}

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { displayName: "", email: "", password: "", confirmPassword: "" },
    validate: zodValidate(SetupFormSchema),
  });
  const setup = useSetup();
  const submit = ({ confirmPassword: _, ...values }: typeof form.values) =>
    setup.mutate(
      { ...values, token },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("setup.success") });
          void navigate("/", { replace: true });
        },
        onError: (error) => setServerFieldErrors(form, error),
      },
    );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text>{t("setup.intro")}</Text>
        <ErrorAlert error={setup.error} />
        <DisplayNameField {...form.getInputProps("displayName")} />
        <TextInput
          label={t("fields.email")}
          type="email"
          maxLength={EMAIL_MAX_LENGTH}
          autoComplete="email"
          required
          {...form.getInputProps("email")}
        />
        <NewPasswordFields password={form.getInputProps("password")} confirmation={form.getInputProps("confirmPassword")} />
        <Button type="submit" loading={setup.isPending}>
          {t("setup.submit")}
        </Button>
      </Stack>
    </form>
  );
}
