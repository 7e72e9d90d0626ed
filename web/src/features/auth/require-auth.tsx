import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Role } from "../../../../contracts/accounts.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CurrentUserContext, hasAnyRole, useCurrentUser, useMe } from "../../lib/current-user.ts";

/** Renders its children for a logged-in user, otherwise sends them to the login page and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (me.isError) return <ErrorAlert error={me.error} m="md" />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}

/** Renders its children for a user with one of `roles`, otherwise says the page is for other roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!hasAnyRole(me, roles)) return <ErrorAlert title={t("forbidden.title")} error={t("forbidden.message")} />;
  return children;
}
