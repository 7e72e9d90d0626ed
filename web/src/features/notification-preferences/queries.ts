import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { NotificationPreference } from "../../../../contracts/notifications.ts";
import { call, client } from "../../lib/api-client.ts";

export const notificationPreferenceKeys = {
  all: ["notification-preferences"] as const,
  mine: () => [...notificationPreferenceKeys.all, "mine"] as const,
};

/** Every kind of notification that concerns me, with my channel (or the default). */
export const myNotificationPreferencesQuery = () =>
  queryOptions({
    queryKey: notificationPreferenceKeys.mine(),
    queryFn: () => call(client.GET("/api/me/notification-preferences")),
  });

/** Saves the channels of some kinds; the answer (all of them) replaces the list. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: NotificationPreference[]) => call(client.PUT("/api/me/notification-preferences", { body: { items } })),
    onSuccess: (saved) => queryClient.setQueryData(notificationPreferenceKeys.mine(), saved),
  });
}
