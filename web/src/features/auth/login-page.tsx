import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import type { LoginBody } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { useMe } from "../../lib/current-user.ts";
import { required, setServerFieldErrors } from "../../lib/forms.ts";
import { FORGOT_PASSWORD_PATH, type LoginNotice } from "../password-reset/index.ts";
import { setupStatusQuery } from "../setup/index.ts";
import { useLogin } from "./queries.ts";

/** Only paths of this app: an absolute or protocol-relative `next` would make an open redirect. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("login.title")} · Passerelle`);
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get("next"));
  const navigate = useNavigate();
  const notice = useLocation().state as LoginNotice | null;
  const me = useMe();
  const setupStatus = useQuery(setupStatusQuery());

  // Not the LoginBody schema: zod would double the first page's weight (scripts/check-bundle-budget.ts); the API checks the rest.
  const form = useForm<LoginBody>({ initialValues: { email: "", password: "" }, validate: { email: required, password: required } });
  const login = useLogin();
  const logIn = (values: LoginBody) =>
    login.mutate(values, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => setServerFieldErrors(form, error),
    });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <GuestCard title={t("login.title")} maw={420}>
      <form onSubmit={form.onSubmit(logIn)} noValidate>
        <Stack>
          {setupStatus.data?.isSetupRequired && (
            <Alert color="blue" title={t("login.setupRequiredTitle")}>
              {t("login.setupRequired")}
            </Alert>
          )}
          {notice?.isPasswordChanged && !login.error && (
            <Alert color="green" role="status">
              {t("passwordReset.changedOnLogin")}
            </Alert>
          )}
          <ErrorAlert error={login.error} />
          <TextInput label={t("fields.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
          <PasswordField label={t("fields.password")} autoComplete="current-password" required {...form.getInputProps("password")} />
          <Button type="submit" loading={login.isPending}>
            {t("login.submit")}
          </Button>
          <Anchor component={Link} to={FORGOT_PASSWORD_PATH} size="sm" w="fit-content">
            {t("passwordReset.forgotLink")}
          </Anchor>
        </Stack>
      </form>
    </GuestCard>
  );
}
