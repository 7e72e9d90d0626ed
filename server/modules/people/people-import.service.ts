/**
 * Import of the people directory from an HR file: preview (nothing written to the directory),
 * then apply (re-validated, staged with progress, merged in one transaction: all or nothing).
 *
 * "Apply" is a job ("people-import-apply", apply-import-job.ts): the request claims the import (status
 * "applying", phase "queued") and enqueues the job in one transaction; the job does the work, writing
 * its progress on the import's row, which any instance shows. Nothing of it holds the event loop for
 * long (ADR 0005): the file is read and checked on a worker thread, and the directory is read, staged
 * and merged in slices with the loop let go between two. A running apply holds its import's lock
 * (Database.tryLock) until it ends, so an import left "applying" past "queued" whose lock is free
 * belongs to a process that died: `recoverInterruptedImports` (or the next "apply") marks it failed.
 */
import { randomUUID } from "node:crypto";
import type { ImportFailure, ImportProgress, ImportStatus, StoredImportSummary } from "../../../contracts/people.ts";
import type { Database, HeldLock } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import { enqueue } from "../../platform/jobs/job-queue.ts";
import { yieldToEventLoop } from "../../platform/threads/yield-to-event-loop.ts";
import { type CheckJob, checkInWorker, STAGING_BATCH } from "./people-import.check.ts";
import { ImportFileError, type Rejection } from "./people-import.domain.ts";
import * as repo from "./people-import.repository.ts";

export type ImportDeps = { database: Database; clock: Clock };

export type ImportView = {
  id: string;
  status: ImportStatus;
  summary: StoredImportSummary;
  progress: ImportProgress | null;
  failure: ImportFailure | null;
  /** Its file is kept and it is not applied: "apply" may be asked (again). */
  canApply: boolean;
};

export const MAX_LISTED_REJECTIONS = 1000;
/** How long a previewed file waits for "apply". */
const PREVIEW_KEPT_MS = 24 * 3_600_000;

/** The lock a running apply of import `id` holds until it ends. */
export const importLockKey = (id: string) => `people-import:${id}`;

/**
 * This instance's finer merge progress of the imports it is applying: inside the merge transaction the
 * row cannot show it (other instances show the row's "merging").
 */
const mergeProgressById = new Map<string, ImportProgress>();

/** Runs `work` on a file's content; a file that cannot be read (ImportFileError) becomes a 400 naming the file. */
async function readingFile<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    throw new AppError("IMPORT_FILE_INVALID", {
      messageKey: `import.file.${err.code}`,
      params: err.params,
      details: [{ path: "file", messageKey: `import.file.${err.code}`, params: err.params }],
    });
  }
}

type Checked = Awaited<ReturnType<typeof checkInWorker>>;

async function check(
  file: CheckJob["file"],
  input: { fileName: string; isFullSync: boolean; withStaging: boolean },
  deps: ImportDeps,
): Promise<{ checked: Checked; summary: StoredImportSummary }> {
  const snapshot = await repo.loadSnapshot(deps.database.db);
  const checked: Checked = await readingFile(() =>
    checkInWorker({
      file,
      snapshot,
      options: { isFullSync: input.isFullSync, currentYear: deps.clock.now().getUTCFullYear() },
      withStaging: input.withStaging,
    }),
  );
  return {
    checked,
    summary: {
      fileName: input.fileName,
      isFullSync: input.isFullSync,
      totalRows: checked.totalRows,
      counts: checked.counts,
      rejected: checked.rejected.slice(0, MAX_LISTED_REJECTIONS),
      rejectedCount: checked.rejected.length,
      ignoredColumns: checked.ignoredColumns,
      sensitiveColumns: checked.sensitiveColumns,
    },
  };
}

/** Reads and checks a file; keeps it for "apply". Changes nothing in the directory. */
export async function previewImport(
  input: { fileName: string; bytes: Uint8Array; isFullSync: boolean },
  actorId: string | null,
  deps: ImportDeps,
): Promise<ImportView & { rejectedAll: Rejection[] }> {
  const { summary, checked } = await check({ bytes: input.bytes }, { ...input, withStaging: false }, deps);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  // A file with a character PostgreSQL cannot store (its rows are refused, so it can never be applied) is not kept.
  const isKept = checked.keptFile !== null;
  const id = await repo.insertImport(deps.database.db, {
    createdBy: actorId,
    createdAt: deps.clock.now(),
    fileName: input.fileName,
    file: checked.keptFile,
    isFullSync: input.isFullSync,
    status: "previewed",
    summary,
  });
  return { id, status: "previewed", summary, progress: null, failure: null, canApply: isKept, rejectedAll: checked.rejected };
}

export type PreparedApply = {
  id: string;
  isFullSync: boolean;
  /** The rows to write, as `stageRows` takes them, and how many. */
  batches: Uint8Array[];
  total: number;
  summary: StoredImportSummary;
  /** The import's lock, held until the apply ends. */
  lock: HeldLock;
};

/**
 * Marks an import still "applying" as failed and drops what it had staged; false when it is no
 * longer applying (its merge committed meanwhile: it is applied, and stays so), or, with
 * `isQueuedSpared`, when it is only waiting for its job.
 */
export async function failImport(
  id: string,
  failure: ImportFailure,
  deps: ImportDeps,
  options: { isQueuedSpared?: boolean } = {},
): Promise<boolean> {
  const { db } = deps.database;
  if (!(await repo.failApplyingImport(db, id, failure, options))) return false;
  await repo.deleteStagedRows(db, id);
  return true;
}

/**
 * Fails an import left "applying" by a process that died while it ran (its lock is free, and it is
 * past "queued": a queued import's job is still in the queue and will run). False when it is alive,
 * queued, or no longer applying.
 */
async function failIfInterrupted(id: string, deps: ImportDeps): Promise<boolean> {
  const lock = await deps.database.tryLock(importLockKey(id));
  if (!lock) return false; // applied right now by a live instance
  try {
    return await failImport(id, "interrupted", deps, { isQueuedSpared: true });
  } finally {
    await lock.release();
  }
}

/**
 * "Apply", as asked over HTTP: answers at once what it can (unknown import 404, not applicable or
 * already applying 409 IMPORT_NOT_PENDING, refused rows 409 IMPORT_REJECTED), then in one transaction
 * claims the import (status "applying", phase "queued") and enqueues its job. Nothing else runs in the
 * request. An import left "applying" by an instance that died is failed first, then claimed again.
 */
export async function requestApply(id: string, deps: ImportDeps): Promise<ImportView> {
  const { db } = deps.database;
  const found = await repo.findImportHead(db, id);
  if (!found) throw notFound();
  let status = found.status;
  if (status === "applying" && found.progress?.phase !== "queued" && (await failIfInterrupted(id, deps))) status = "failed";
  if (!isApplicable(status, found.isKept)) throw new AppError("IMPORT_NOT_PENDING");
  if (found.summary.rejectedCount > 0) throw new AppError("IMPORT_REJECTED");
  const queued: ImportProgress = { phase: "queued", done: 0, total: found.summary.totalRows };
  const isClaimed = await db.transaction(async (tx) => {
    if (!(await repo.claimImport(tx, id, queued))) return false;
    // The import is "applying" exactly when its job exists: both commit together, or neither does.
    await enqueue(tx, "people-import-apply", { importId: id });
    return true;
  });
  if (!isClaimed) throw new AppError("IMPORT_NOT_PENDING");
  return getImport(id, deps);
}

/**
 * The job's first half, with the import's lock held: checks the kept file again against the
 * directory as it is now (any refused row refuses the whole file: the import goes back to
 * "previewed" with them). Null when there is nothing to apply: the import is no longer queued (a
 * retried job whose import was applied or failed meanwhile), or its earlier run died (failed as
 * interrupted), or the file is refused.
 */
export async function prepareApply(id: string, lock: HeldLock, deps: ImportDeps): Promise<PreparedApply | null> {
  const { db } = deps.database;
  const found = await repo.findImport(db, id);
  if (found?.status !== "applying") return null;
  if (found.progress?.phase !== "queued") {
    // A run of this job started and died (its process was killed): what it staged is dropped.
    await failImport(id, "interrupted", deps);
    return null;
  }
  if (!found.file) {
    await failImport(id, "error", deps);
    return null;
  }
  const total = found.progress.total;
  await repo.setProgress(db, id, { phase: "validating", done: 0, total });
  const { checked, summary } = await check(
    { kept: found.file },
    { fileName: found.fileName, isFullSync: found.isFullSync, withStaging: true },
    deps,
  );
  if (checked.rejected.length) {
    await repo.finishImport(db, id, { status: "previewed", summary, failure: null });
    return null;
  }
  await repo.setProgress(db, id, { phase: "staging", done: 0, total: checked.recordCount });
  return { id, isFullSync: found.isFullSync, batches: checked.stagingBatches, total: checked.recordCount, summary, lock };
}

/**
 * The job's second half (and the command line's): stages the rows in batches (progress written on
 * the import), then merges them into the directory in one transaction, so a failure at any point, or
 * the process dying, leaves the directory as it was. Releases the import's lock.
 */
export async function executeApply(
  prepared: PreparedApply,
  deps: ImportDeps,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportView> {
  const { db } = deps.database;
  const { id, batches, total, summary } = prepared;
  let isCommitted = false;
  try {
    for (const [index, batch] of batches.entries()) {
      await repo.stageRows(db, id, batch);
      const progress: ImportProgress = { phase: "staging", done: Math.min((index + 1) * STAGING_BATCH, total), total };
      await repo.setProgress(db, id, progress);
      onProgress(progress);
      await yieldToEventLoop();
    }
    // The last progress others can see until the merge commits.
    const merging: ImportProgress = { phase: "merging", done: 0, total };
    await repo.setProgress(db, id, merging);
    mergeProgressById.set(id, merging);
    onProgress(merging);
    const now = deps.clock.now();
    // The directory, the staged rows and the import's status change in one transaction: the import
    // is applied whole and recorded as applied, or nothing of it happened.
    const applied = await db.transaction(async (tx) => {
      await repo.lockImportForMerge(tx, id, total);
      const changed = await repo.mergeStagedRows(tx, id, now, {
        isFullSync: prepared.isFullSync,
        total,
        onSlice: (done) => {
          const progress: ImportProgress = { phase: "merging", done, total };
          mergeProgressById.set(id, progress);
          onProgress(progress);
        },
      });
      const appliedSummary: StoredImportSummary = {
        ...summary,
        counts: { ...changed, unchanged: total - changed.created - changed.updated },
      };
      await repo.deleteStagedRows(tx, id);
      await repo.finishImport(tx, id, { status: "applied", summary: appliedSummary, appliedAt: now });
      return appliedSummary;
    });
    isCommitted = true;
    const done: ImportProgress = { phase: "done", done: total, total };
    onProgress(done);
    return { id, status: "applied", summary: applied, progress: done, failure: null, canApply: false };
  } catch (err) {
    // Once committed, the import is applied and recorded so: nothing to undo.
    if (!isCommitted) await failImport(id, "error", deps).catch(() => {});
    throw err;
  } finally {
    mergeProgressById.delete(id);
    await prepared.lock.release();
  }
}

/**
 * Checks a file and, unless it is a dry run or a row is refused, applies it at once (the command
 * line: no preview step to keep, the file is validated once).
 */
export async function importFile(
  input: { fileName: string; bytes: Uint8Array; isFullSync: boolean; isDryRun: boolean },
  deps: ImportDeps,
  onProgress?: (p: ImportProgress) => void,
): Promise<{ summary: StoredImportSummary; rejected: Rejection[]; isApplied: boolean }> {
  const { checked, summary } = await check({ bytes: input.bytes }, { ...input, withStaging: !input.isDryRun }, deps);
  if (input.isDryRun || checked.rejected.length) return { summary, rejected: checked.rejected, isApplied: false };
  // The lock is taken before the row exists: no recovery can take this import for an interrupted one.
  const id = randomUUID();
  const lock = await deps.database.tryLock(importLockKey(id));
  if (!lock) throw new Error(`the lock of import ${id} is taken`);
  try {
    await repo.insertImport(deps.database.db, {
      id,
      createdBy: null,
      createdAt: deps.clock.now(),
      fileName: input.fileName,
      file: null,
      isFullSync: input.isFullSync,
      status: "applying",
      summary,
      progress: { phase: "staging", done: 0, total: checked.recordCount },
    });
  } catch (err) {
    await lock.release();
    throw err;
  }
  const applied = await executeApply(
    { id, isFullSync: input.isFullSync, batches: checked.stagingBatches, total: checked.recordCount, summary, lock },
    deps,
    onProgress,
  );
  return { summary: applied.summary, rejected: [], isApplied: true };
}

/** Whether "apply" may be asked: the file is kept and the import is previewed, or failed and may be tried again (the repository's claim says the same in SQL). */
const isApplicable = (status: ImportStatus, hasFile: boolean) => hasFile && (status === "previewed" || status === "failed");

/** An import's state for the web app's polling, with its progress while it is applied (read from its row: any instance shows it). */
export async function getImport(id: string, deps: ImportDeps): Promise<ImportView> {
  const found = await repo.findImportHead(deps.database.db, id);
  if (!found) throw notFound();
  return {
    id,
    status: found.status,
    summary: found.summary,
    progress: found.status === "applying" ? (mergeProgressById.get(id) ?? found.progress) : null,
    failure: found.failure,
    canApply: isApplicable(found.status, found.isKept),
  };
}

export type ImportListItem = Omit<ImportView, "summary" | "progress"> & {
  summary: StoredImportSummary;
  createdAt: Date;
  appliedAt: Date | null;
};

/** The latest imports, newest first, for the import page's history. */
export async function listRecentImports(deps: ImportDeps, limit = 20): Promise<ImportListItem[]> {
  const rows = await repo.listImports(deps.database.db, limit);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    summary: row.summary,
    failure: row.failure,
    canApply: isApplicable(row.status, row.isKept),
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
  }));
}

/**
 * At start: imports left "applying" past "queued" whose lock is free (their process died while
 * applying them) are marked failed and their staged rows dropped; a queued import is left alone (its
 * job is still in the queue and will run); staged rows of no import being applied are dropped;
 * previews older than a day expire. Returns the ids of the imports marked failed.
 */
export async function recoverInterruptedImports(deps: ImportDeps): Promise<string[]> {
  const failed: string[] = [];
  for (const id of await repo.findApplyingImportIds(deps.database.db)) if (await failIfInterrupted(id, deps)) failed.push(id);
  await repo.deleteOrphanStagedRows(deps.database.db);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  return failed;
}
