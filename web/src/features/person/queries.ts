/** A person's page for HR: directory entry, profile summary, completeness and self-assessment dates. */
import { queryOptions } from "@tanstack/react-query";
import { call, client } from "../../lib/api-client.ts";
import { adminKeys } from "../admin/index.ts";

/** One person of the directory; its key lives with the directory's (features/admin), which refreshes it after changes. */
export function personQuery(id: string) {
  return queryOptions({
    queryKey: adminKeys.person(id),
    queryFn: () => call(client.GET("/api/people/{id}", { params: { path: { id } } })),
  });
}
