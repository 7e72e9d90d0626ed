import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResetPasswordBody } from "../../../../contracts/invitations.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { NewPasswordFields } from "../../components/new-password-fields.tsx";
import { ApiError } from "../../lib/api.ts";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { withPasswordConfirmation } from "../../lib/password.ts";
import { FORGOT_PASSWORD_PATH, type LoginNotice } from "./index.ts";
import { useResetPassword } from "./queries.ts";

const ResetFormSchema = withPasswordConfirmation(ResetPasswordBody.pick({ password: true }));

/**
 * The page of the emailed link (`/reset-password?token=…`): a new password and its confirmation; once
 * saved, the login page, where the person logs in with it. A link that no longer works says so and
 * offers to ask for another.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("passwordReset.reset.title")} · Passerelle`);
  const token = useSearchParams()[0].get("token") ?? "";
  const navigate = useNavigate();
  const form = useForm({ initialValues: { password: "", confirmPassword: "" }, validate: zodValidate(ResetFormSchema) });
  const reset = useResetPassword();
  const isLinkInvalid = !token || (reset.error instanceof ApiError && reset.error.code === "PASSWORD_RESET_INVALID");
  const submit = ({ password }: typeof form.values) =>
    reset.mutate(
      { token, password },
      {
        onSuccess: () => void navigate("/login", { replace: true, state: { isPasswordChanged: true } satisfies LoginNotice }),
        onError: (error) => setServerFieldErrors(form, error),
      },
    );

  return (
    <GuestCard title={t("passwordReset.reset.title")}>
      {isLinkInvalid ? (
        <Stack>
          <Alert color="red" title={t("passwordReset.reset.invalidTitle")}>
            {t("passwordReset.reset.invalid")}
          </Alert>
          <Anchor component={Link} to={FORGOT_PASSWORD_PATH} w="fit-content">
            {t("passwordReset.reset.askAgain")}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Text>{t("passwordReset.reset.intro")}</Text>
            <ErrorAlert error={reset.error} />
            <NewPasswordFields
              password={form.getInputProps("password")}
              confirmation={form.getInputProps("confirmPassword")}
              labels={{ password: "fields.newPassword", confirmation: "fields.confirmNewPassword" }}
            />
            <Button type="submit" loading={reset.isPending}>
              {t("passwordReset.reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </GuestCard>
  );
}
