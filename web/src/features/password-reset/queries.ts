/** "Forgot your password?": asking for a link, and setting a new password with it. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";

/** Asks for a link by email; the server answers the same whether the address has an account or not. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: { email: string }) => call(client.POST("/api/auth/forgot-password", { body })),
  });
}

/**
 * Sets a new password with a link's token. The server ends every session of the account and does
 * not open one: whatever this browser knew of a logged-in user is forgotten.
 */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => call(client.POST("/api/auth/reset-password", { body })),
    onSuccess: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}
