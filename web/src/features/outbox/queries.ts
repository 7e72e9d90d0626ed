/** The outbox's queries (admins only): the emails, one email as sent, the mail settings, failed jobs, and sending a failed email again. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MailStatus } from "../../../../contracts/mail.ts";
import { call, client } from "../../lib/api-client.ts";

/** What the list is filtered by; `before` is the page's cursor (the previous page's `nextBefore`). */
export interface MailFilters {
  status: MailStatus | null;
  to: string;
  before: number | null;
}

/** Emails per page. */
export const MAIL_PAGE_SIZE = 25;

export const outboxKeys = {
  all: ["outbox"] as const,
  list: (filters: MailFilters) => [...outboxKeys.all, "list", filters] as const,
  message: (id: string) => [...outboxKeys.all, "message", id] as const,
  settings: () => [...outboxKeys.all, "settings"] as const,
  failedJobs: () => [...outboxKeys.all, "failed-jobs"] as const,
};

export const mailListQuery = (filters: MailFilters) =>
  queryOptions({
    queryKey: outboxKeys.list(filters),
    queryFn: () =>
      call(
        client.GET("/api/admin/mail", {
          params: {
            query: {
              limit: MAIL_PAGE_SIZE,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(filters.before ? { before: filters.before } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useMailList(filters: MailFilters) {
  return useQuery(mailListQuery(filters));
}

/** One email with its headers, HTML and text; null: none selected. */
export function useMailMessage(id: string | null) {
  return useQuery({
    queryKey: outboxKeys.message(id ?? ""),
    queryFn: () => call(client.GET("/api/admin/mail/{id}", { params: { path: { id: id as string } } })),
    enabled: id !== null,
  });
}

/** SMTP or outbox, and the From address. */
export function useMailSettings() {
  return useQuery({ queryKey: outboxKeys.settings(), queryFn: () => call(client.GET("/api/admin/mail/settings")) });
}

export function useFailedJobs() {
  return useQuery({ queryKey: outboxKeys.failedJobs(), queryFn: () => call(client.GET("/api/admin/jobs/failed")) });
}

/** Sends a failed email again; the lists and the email show its new status. */
export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.POST("/api/admin/mail/{id}/retry", { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
