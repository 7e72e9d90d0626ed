import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ForgotPasswordBody } from "../../../../contracts/invitations.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { useForgotPassword } from "./queries.ts";

/**
 * "Forgot your password?": an email address in, always the same confirmation out, so that the page
 * tells nobody whether an address has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("passwordReset.forgot.title")} · Passerelle`);
  const form = useForm({ initialValues: { email: "" }, validate: zodValidate(ForgotPasswordBody) });
  const ask = useForgotPassword();
  const submit = (values: typeof form.values) =>
    ask.mutate(ForgotPasswordBody.parse(values), { onError: (error) => setServerFieldErrors(form, error) });

  return (
    <GuestCard title={t("passwordReset.forgot.title")} maw={480}>
      {ask.isSuccess ? (
        <Stack>
          <Alert color="green" title={t("passwordReset.forgot.sentTitle")} role="status">
            {t("passwordReset.forgot.sent", { email: ask.variables.email })}
          </Alert>
          <Text size="sm">{t("passwordReset.forgot.sentHelp")}</Text>
          <Anchor
            component="button"
            type="button"
            w="fit-content"
            onClick={() => {
              ask.reset();
              form.reset();
            }}
          >
            {t("passwordReset.forgot.askAgain")}
          </Anchor>
          <Anchor component={Link} to="/login" w="fit-content">
            {t("passwordReset.forgot.backToLogin")}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Text>{t("passwordReset.forgot.intro")}</Text>
            <ErrorAlert error={ask.error} />
            <TextInput label={t("fields.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
            <Button type="submit" loading={ask.isPending}>
              {t("passwordReset.forgot.submit")}
            </Button>
            <Anchor component={Link} to="/login" w="fit-content">
              {t("passwordReset.forgot.backToLogin")}
            </Anchor>
          </Stack>
        </form>
      )}
    </GuestCard>
  );
}
