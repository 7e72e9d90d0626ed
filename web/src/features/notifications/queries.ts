import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, client } from "../../lib/api-client.ts";

/** The notifications' query keys: another feature's action (a pair answered, a proposal sent) refreshes `all`. */
export const notificationKeys = {
  all: ["notifications"] as const,
  mine: () => [...notificationKeys.all, "mine"] as const,
};

/** How often the bell asks for news while the app is open. */
const POLL_MS = 60_000;

/** My latest notifications and the unread count, polled every minute and when the window regains focus. */
export const myNotificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.mine(),
    queryFn: () => call(client.GET("/api/me/notifications")),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });

export function useMyNotifications() {
  return useQuery(myNotificationsQuery());
}

/** Marks some notifications read (all of them without `ids`); the answer is the updated list. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => call(client.POST("/api/me/notifications/read", { body: ids ? { ids } : {} })),
    onSuccess: (updated) => queryClient.setQueryData(notificationKeys.mine(), updated),
  });
}
