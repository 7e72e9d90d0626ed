/**
 * The "people-import-apply" job: applies an import that POST /api/people/imports/:id/apply claimed
 * (status "applying", phase "queued"), on whichever instance's worker takes it. All or nothing, as
 * the service's staged apply is; its progress is written on the import's row.
 *
 * Idempotent: the job acts only on an import still queued. pg-boss runs it again when it failed, or
 * when its process died while running it (once its expiry is past): by then the import is applied, or
 * failed (the restart's recovery, or this job, marks an interrupted run failed), and it does nothing.
 */
import type { ImportProgress } from "../../../contracts/people.ts";
import { executeApply, failImport, type ImportDeps, importLockKey, type PreparedApply, prepareApply } from "./people-import.service.ts";

/** Runs the apply of import `importId`; throws (pg-boss retries, and keeps the error) when it fails. */
export async function applyImportJob(importId: string, deps: ImportDeps, onProgress?: (progress: ImportProgress) => void): Promise<void> {
  const lock = await deps.database.tryLock(importLockKey(importId));
  // Held for a moment by a start's recovery or an "apply" failing an interrupted run, or for the whole apply
  // by a duplicate of this job on another instance: this run is retried later, and then finds the import's outcome.
  if (!lock) throw new Error(`the lock of import ${importId} is held: the job is retried later`);
  let prepared: PreparedApply | null;
  try {
    prepared = await prepareApply(importId, lock, deps);
  } catch (err) {
    // The kept file could not be checked (a worker thread's failure, the database): the import fails, it may be applied again.
    await failImport(importId, "error", deps).catch(() => {});
    await lock.release();
    throw err;
  }
  if (!prepared) {
    await lock.release();
    return;
  }
  await executeApply(prepared, deps, onProgress);
}
