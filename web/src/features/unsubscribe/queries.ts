import { queryOptions, useMutation } from "@tanstack/react-query";
import { call, client } from "../../lib/api-client.ts";

/** What an email's unsubscribe link would stop (public: the message id is the key). */
export const unsubscribeTargetQuery = (messageId: string) =>
  queryOptions({
    queryKey: ["unsubscribe", messageId] as const,
    queryFn: () => call(client.GET("/api/mail/unsubscribe/{id}", { params: { path: { id: messageId } } })),
  });

/** Stops what the link names, as the email's one-click unsubscribe does. */
export function useUnsubscribe(messageId: string) {
  return useMutation({
    mutationFn: () => call(client.POST("/api/mail/unsubscribe/{id}", { params: { path: { id: messageId } } })),
  });
}
