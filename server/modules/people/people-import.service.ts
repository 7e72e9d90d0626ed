/**
 * Import of the people directory from an HR file: preview (nothing written to the directory),
 * then apply (re-validated, staged with progress, merged in one transaction: all or nothing).
 *
 * Nothing of it holds the event loop for long (ADR 0005): the file is read and checked on a worker
 * thread, and the directory is read, staged and merged in slices with the loop let go between two.
 * An apply holds its import's lock (Database.tryLock) until it ends, so an import left "applying"
 * whose lock is free belongs to a process that died: `recoverInterruptedImports` marks it failed.
 */
import { randomUUID } from "node:crypto";
import type { ImportFailure, ImportProgress, ImportStatus, StoredImportSummary } from "../../../contracts/people.ts";
import type { Database, HeldLock } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
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

const importLockKey = (id: string) => `people-import:${id}`;

/** Merge progress of the imports this process is applying (inside the merge transaction, the row cannot show it). */
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

type PreparedApply = {
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
 * longer applying (its merge committed meanwhile: it is applied, and stays so).
 */
async function failImport(id: string, failure: ImportFailure, deps: ImportDeps): Promise<boolean> {
  const { db } = deps.database;
  if (!(await repo.failApplyingImport(db, id, failure))) return false;
  await repo.deleteStagedRows(db, id);
  return true;
}

/**
 * First half of "apply": checks the kept file again against the directory as it is now (any
 * refused row refuses the whole file) and claims the import so that it is applied once. An import
 * left "applying" by a process that died is failed first, then applied again.
 */
export async function prepareApply(id: string, deps: ImportDeps): Promise<PreparedApply> {
  const { db } = deps.database;
  const lock = await deps.database.tryLock(importLockKey(id));
  if (!lock) throw new AppError("IMPORT_NOT_PENDING");
  try {
    let found = await repo.findImport(db, id);
    if (!found) throw notFound();
    if (found.status === "applying") {
      await failImport(id, "interrupted", deps);
      found = await repo.findImport(db, id);
    }
    if (!found?.file || !isApplicable(found.status, true)) throw new AppError("IMPORT_NOT_PENDING");
    const { checked, summary } = await check(
      { kept: found.file },
      { fileName: found.fileName, isFullSync: found.isFullSync, withStaging: true },
      deps,
    );
    if (checked.rejected.length) {
      await repo.finishImport(db, id, { status: "previewed", summary, failure: null });
      throw new AppError("IMPORT_REJECTED");
    }
    const progress: ImportProgress = { phase: "staging", done: 0, total: checked.recordCount };
    if (!(await repo.claimImport(db, id, progress))) throw new AppError("IMPORT_NOT_PENDING");
    return { id, isFullSync: found.isFullSync, batches: checked.stagingBatches, total: checked.recordCount, summary, lock };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/**
 * Second half of "apply": stages the rows in batches (progress written on the import), then
 * merges them into the directory in one transaction, so a failure at any point, or the process
 * dying, leaves the directory as it was. Releases the import's lock.
 */
export function executeApply(
  prepared: PreparedApply,
  deps: ImportDeps,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportView> {
  const running = runApply(prepared, deps, onProgress);
  const settled = running.then(
    () => {},
    () => {},
  );
  appliesInFlight.add(settled);
  void settled.then(() => appliesInFlight.delete(settled));
  return running;
}

/** Applies running in this process: a stop waits for them rather than closing the database under one. */
const appliesInFlight = new Set<Promise<void>>();

/** Resolves once every apply this process runs has ended (a graceful stop waits for it before closing the database). */
export async function waitForAppliesInFlight(): Promise<void> {
  await Promise.all([...appliesInFlight]);
}

async function runApply(prepared: PreparedApply, deps: ImportDeps, onProgress: (p: ImportProgress) => void): Promise<ImportView> {
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

/** Both halves of "apply" in one call. */
export async function applyImport(id: string, deps: ImportDeps, onProgress?: (p: ImportProgress) => void): Promise<ImportView> {
  return executeApply(await prepareApply(id, deps), deps, onProgress);
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

/** An import's state for the web app's polling, with its progress while it is applied. */
export async function getImport(id: string, deps: ImportDeps): Promise<ImportView> {
  const found = await repo.findImport(deps.database.db, id);
  if (!found) throw notFound();
  return {
    id,
    status: found.status,
    summary: found.summary,
    progress: found.status === "applying" ? (mergeProgressById.get(id) ?? found.progress) : null,
    failure: found.failure,
    canApply: isApplicable(found.status, found.file !== null),
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
 * At start: imports left "applying" whose lock is free (their process died) are marked failed and
 * their staged rows dropped; staged rows of no import being applied are dropped; previews older
 * than a day expire. Returns the ids of the imports marked failed.
 */
export async function recoverInterruptedImports(deps: ImportDeps): Promise<string[]> {
  const failed: string[] = [];
  for (const id of await repo.findApplyingImportIds(deps.database.db)) {
    const lock = await deps.database.tryLock(importLockKey(id));
    if (!lock) continue; // applied right now by a live instance
    try {
      if (await failImport(id, "interrupted", deps)) failed.push(id);
    } finally {
      await lock.release();
    }
  }
  await repo.deleteOrphanStagedRows(deps.database.db);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  return failed;
}
