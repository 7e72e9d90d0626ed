import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActionItem,
  ActionItemBody,
  ActionItemChangeBody,
  ActionItemList,
  Journal,
  Resource,
  ResourceBody,
  ResourceList,
  SessionNotes,
  SessionNotesBody,
} from "../../../../contracts/session-notes.ts";
import { call, client } from "../../lib/api-client.ts";

/** Query keys of what a pair writes around its sessions. Every one starts with `all`. */
export const sessionNotesKeys = {
  all: ["session-notes"] as const,
  notes: (sessionId: string) => [...sessionNotesKeys.all, "notes", sessionId] as const,
  journal: (pairId: string) => [...sessionNotesKeys.all, "journal", pairId] as const,
  /** Both lists of a pair (all, open only) share this prefix: a change refreshes both. */
  actionItems: (pairId: string) => [...sessionNotesKeys.all, "action-items", pairId] as const,
  actionItemList: (pairId: string, open: boolean) => [...sessionNotesKeys.actionItems(pairId), open ? "open" : "all"] as const,
  resources: (pairId: string) => [...sessionNotesKeys.all, "resources", pairId] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** My notes and journal for a session, and my partner's shared notes. */
export const sessionNotesQuery = (sessionId: string) =>
  queryOptions({
    queryKey: sessionNotesKeys.notes(sessionId),
    queryFn: (): Promise<SessionNotes> => call(client.GET("/api/sessions/{id}/notes", path(sessionId))),
  });

export function useSessionNotes(sessionId: string) {
  return useQuery(sessionNotesQuery(sessionId));
}

export function useSaveSessionNotes(sessionId: string, pairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SessionNotesBody>): Promise<SessionNotes> =>
      call(client.PUT("/api/sessions/{id}/notes", { ...path(sessionId), body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(sessionNotesKeys.notes(sessionId), saved);
      await queryClient.invalidateQueries({ queryKey: sessionNotesKeys.journal(pairId) });
    },
  });
}

/** My learning journal in a pair, the latest session first. */
export function useJournal(pairId: string) {
  return useQuery({
    queryKey: sessionNotesKeys.journal(pairId),
    queryFn: (): Promise<Journal> => call(client.GET("/api/pairs/{id}/journal", path(pairId))),
  });
}

/** The pair's action items: all of them, or with `open` those not done yet. */
export function useActionItems(pairId: string, options: { open?: boolean } = {}) {
  const open = options.open ?? false;
  return useQuery({
    queryKey: sessionNotesKeys.actionItemList(pairId, open),
    queryFn: (): Promise<ActionItemList> =>
      call(client.GET("/api/pairs/{id}/action-items", { params: { path: { id: pairId }, query: { open: open ? "true" : "false" } } })),
  });
}

function useActionItemMutation<Variables>(pairId: string, send: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionNotesKeys.actionItems(pairId) }),
  });
}

export function useAddActionItem(sessionId: string, pairId: string) {
  return useActionItemMutation(
    pairId,
    (body: z.input<typeof ActionItemBody>): Promise<ActionItem> =>
      call(client.POST("/api/sessions/{id}/action-items", { ...path(sessionId), body })),
  );
}

export function useChangeActionItem(pairId: string) {
  return useActionItemMutation(
    pairId,
    ({ id, ...body }: z.input<typeof ActionItemChangeBody> & { id: string }): Promise<ActionItem> =>
      call(client.PATCH("/api/action-items/{id}", { ...path(id), body })),
  );
}

export function useDeleteActionItem(pairId: string) {
  return useActionItemMutation(pairId, (id: string) => call(client.DELETE("/api/action-items/{id}", path(id))));
}

/** The pair's resources, the latest first. */
export function useResources(pairId: string) {
  return useQuery({
    queryKey: sessionNotesKeys.resources(pairId),
    queryFn: (): Promise<ResourceList> => call(client.GET("/api/pairs/{id}/resources", path(pairId))),
  });
}

function useResourceMutation<Variables>(pairId: string, send: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionNotesKeys.resources(pairId) }),
  });
}

export function useAddResource(pairId: string) {
  return useResourceMutation(
    pairId,
    (body: z.input<typeof ResourceBody>): Promise<Resource> => call(client.POST("/api/pairs/{id}/resources", { ...path(pairId), body })),
  );
}

export function useDeleteResource(pairId: string) {
  return useResourceMutation(pairId, (id: string) => call(client.DELETE("/api/resources/{id}", path(id))));
}
