import type { Resource, ResourceBody, ResourceList } from "../../../../contracts/session-notes.ts";
import type { CurrentUser } from "../../../platform/auth/session-store.ts";
import { notFound } from "../../../platform/errors/app-error.ts";
import * as repo from "./notes.repository.ts";
import { memberOfPair } from "./notes-access.ts";
import type { NotesDeps } from "./notes-deps.ts";

/** The pair's resources: titled links either of them added, the latest first. */
export async function listResources(pairId: string, user: CurrentUser, deps: NotesDeps): Promise<ResourceList> {
  const db = deps.database.db;
  await memberOfPair(db, pairId, user);
  return { items: await repo.resourcesOfPair(db, pairId) };
}

/** One of the pair adds a resource (an http or https link, checked by the contract). */
export async function addResource(pairId: string, body: ResourceBody, user: CurrentUser, deps: NotesDeps): Promise<Resource> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const member = await memberOfPair(tx, pairId, user);
    const id = await repo.insertResource(tx, {
      pairId,
      title: body.title,
      url: body.url,
      addedByPersonId: member.personId,
      createdAt: now,
    });
    const added = (await repo.resourcesOfPair(tx, pairId)).find((resource) => resource.id === id);
    if (!added) throw new Error("the resource just added is missing");
    return added;
  });
}

/** Either of the pair removes a resource. */
export async function deleteResource(id: string, user: CurrentUser, deps: NotesDeps): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const resource = await repo.findResource(tx, id);
    if (!resource) throw notFound();
    await memberOfPair(tx, resource.pairId, user);
    await repo.deleteResource(tx, id);
  });
}
