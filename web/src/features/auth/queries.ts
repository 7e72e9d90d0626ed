/**
 * The session's requests: log in, log out. The logged-in user itself (`/api/me`) is in `lib/current-user.ts`,
 * shared with the app's frame. Kept free of zod and of the notifications' code: the login page imports it,
 * and its first load has a budget (`scripts/check-bundle-budget.ts`).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { LoginBody } from "../../../../contracts/accounts.ts";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";
import { errorMessage } from "../../lib/forms.ts";

/** Logs in; the answer becomes the logged-in user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => call(client.POST("/api/auth/login", { body })),
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}

/** Ends this session, forgets everything the previous user saw, and shows the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(client.POST("/api/auth/logout")),
    onSuccess: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      // Replaces the guard's redirect, which would otherwise offer to come back to this page after the next login.
      void navigate("/login", { replace: true });
    },
    onError: (error) =>
      void import("@mantine/notifications").then(({ notifications }) => notifications.show({ color: "red", message: errorMessage(error) })),
  });
}
