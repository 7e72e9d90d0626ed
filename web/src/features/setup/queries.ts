/**
 * The first start: whether an administrator still has to be created, and creating them. The login page
 * reads the status too (through `index.ts`), so this file stays free of zod.
 */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { SetupBody } from "../../../../contracts/accounts.ts";
import { call, client } from "../../lib/api-client.ts";
import { meQueryKey } from "../../lib/current-user.ts";

export const setupKeys = {
  status: ["setup-status"],
} as const;

/** Whether the first administrator still has to be created. */
export function setupStatusQuery() {
  return queryOptions({ queryKey: setupKeys.status, queryFn: () => call(client.GET("/api/setup/status")) });
}

/** Creates the first administrator from the one-time link and logs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => call(client.POST("/api/setup", { body })),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      queryClient.setQueryData(setupKeys.status, { isSetupRequired: false });
    },
  });
}
