/**
 * The HR import: upload a file (with its progress, hence `api.upload`), follow an import while it is applied,
 * and the latest imports. An applied import changes the directory and the home figures (features/admin).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { PeopleImport } from "../../../../contracts/people.ts";
import { api, withQuery } from "../../lib/api.ts";
import { call, client } from "../../lib/api-client.ts";
import { adminKeys } from "../admin/index.ts";

export const importKeys = {
  all: ["people-imports"],
  list: ["people-imports", "list"],
  detail: (id: string) => ["people-imports", "detail", id],
} as const;

/** How often an import being applied is asked for its progress. */
export const PROGRESS_INTERVAL_MS = 500;

/** The latest imports, newest first. */
export function importsQuery() {
  return queryOptions({ queryKey: importKeys.list, queryFn: () => call(client.GET("/api/people/imports")) });
}

/** An import as last seen, or fetched when reopened from the history. */
export function importQuery(id: string) {
  return queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: (): Promise<PeopleImport> => call(client.GET("/api/people/imports/{id}", { params: { path: { id } } })),
    // Seeded by the upload and apply answers; fetched again only to follow an apply.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (query.state.data?.status === "applying" ? PROGRESS_INTERVAL_MS : false),
  });
}

/**
 * The import `id` (none while `id` is null), followed while it is applied. When its status changes the history
 * refreshes, and once applied so do the directory and the home figures.
 */
export function useImport(id: string | null) {
  const queryClient = useQueryClient();
  const current = useQuery({ ...importQuery(id ?? ""), enabled: id !== null });
  const status = current.data?.status;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: importKeys.list });
    if (status !== "applied") return;
    void queryClient.invalidateQueries({ queryKey: adminKeys.people });
    void queryClient.invalidateQueries({ queryKey: adminKeys.overview });
  }, [status, queryClient]);
  return current;
}

/** Keeps an import's latest view (an upload's or an apply's answer) so that `useImport` shows it without a request. */
export function useRememberImport() {
  const queryClient = useQueryClient();
  return (view: PeopleImport) => queryClient.setQueryData(importKeys.detail(view.id), view);
}

/** Sends an HR file as it is; `onProgress` receives the fraction sent. The answer is the preview: nothing changes yet. */
export function useUploadImport(onProgress: (fraction: number) => void) {
  return useMutation({
    mutationFn: ({ file, fullSync }: { file: File; fullSync: boolean }) =>
      // XMLHttpRequest rather than the typed client: fetch cannot report an upload's progress.
      api.upload<PeopleImport>(withQuery("/api/people/imports", { fileName: file.name, fullSync: String(fullSync) }), file, onProgress),
  });
}

/** Applies a previewed import (or one that failed, again); the server goes on in the background. */
export function useApplyImport() {
  return useMutation({
    mutationFn: (id: string) => call(client.POST("/api/people/imports/{id}/apply", { params: { path: { id } } })),
  });
}
