import { Alert, Button, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import type { LoginBody, Me } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { api } from "../../lib/api.ts";
import { required, setServerFieldErrors } from "../../lib/forms.ts";
import { meQueryKey, useMe } from "./current-user.ts";

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
  const queryClient = useQueryClient();
  const me = useMe();
  const setupStatus = useQuery({ queryKey: ["setup-status"], queryFn: () => api.get<{ isSetupRequired: boolean }>("/api/setup/status") });

  // Not the LoginBody schema: zod would double the first page's weight (scripts/check-bundle-budget.ts); the API checks the rest.
  const form = useForm<LoginBody>({ initialValues: { email: "", password: "" }, validate: { email: required, password: required } });
  const login = useMutation({
    mutationFn: (values: typeof form.values) => api.post<Me>("/api/auth/login", values),
    onSuccess: (user) => {
      queryClient.setQueryData(meQueryKey, user);
      void navigate(next, { replace: true });
    },
    onError: (error) => setServerFieldErrors(form, error),
  });

  if (me.data) return <Navigate to={next} replace />;

  return (
    <Paper withBorder p="xl" radius="md" maw={420} mx="auto">
      <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t("login.title")}
          </Title>
          {setupStatus.data?.isSetupRequired && (
            <Alert color="blue" title={t("login.setupRequiredTitle")}>
              {t("login.setupRequired")}
            </Alert>
          )}
          <ErrorAlert error={login.error} />
          <TextInput label={t("fields.email")} type="email" autoComplete="username" required {...form.getInputProps("email")} />
          <PasswordField label={t("fields.password")} autoComplete="current-password" required {...form.getInputProps("password")} />
          <Button type="submit" loading={login.isPending}>
            {t("login.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
