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
import { hasUnstorableCharacter } from "../../../contracts/text.ts";
import type { Database, HeldLock } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import { yieldToEventLoop } from "../../platform/threads/yield-to-event-loop.ts";
import { checkInWorker } from "./people-import.check.ts";
import { decodeHrFile, type ImportCounts, ImportFileError, type Rejection, type ValidationResult } from "./people-import.domain.ts";
import * as repo from "./people-import.repository.ts";

export type ImportDeps = { database: Database; clock: Clock };

export type ImportSummary = {
  fileName: string;
  isFullSync: boolean;
  totalRows: number;
  counts: ImportCounts;
  /** The first MAX_LISTED_REJECTIONS refused rows; `rejectedCount` has them all. */
  rejected: Rejection[];
  rejectedCount: number;
  ignoredColumns: string[];
  /** Columns such as a date of birth: never read, never stored. */
  sensitiveColumns: string[];
};
export type ImportStatus = "previewed" | "applying" | "applied" | "failed";
export type ImportProgress = { phase: "validating" | "staging" | "merging" | "done"; done: number; total: number };
export type ImportFailure = NonNullable<repo.ImportRow["failure"]>;
export type ImportView = {
  id: string;
  status: ImportStatus;
  summary: ImportSummary;
  progress: ImportProgress | null;
  failure: ImportFailure | null;
  /** Its file is kept and it is not applied: "apply" may be asked (again). */
  canApply: boolean;
};

export const MAX_LISTED_REJECTIONS = 1000;
const STAGING_BATCH = 5000;
/** How long a previewed file waits for "apply". */
const PREVIEW_KEPT_MS = 24 * 3_600_000;

const importLockKey = (id: string) => `people-import:${id}`;

/** Merge progress of the imports this process is applying (inside the merge transaction, the row cannot show it). */
const mergeProgressById = new Map<string, ImportProgress>();

function toAppError(err: ImportFileError): AppError {
  return new AppError(400, "IMPORT_FILE_INVALID", `import.file.${err.code}`, err.params, [
    { path: "file", messageKey: `import.file.${err.code}`, params: err.params },
  ]);
}

async function check(
  text: string,
  fileName: string,
  isFullSync: boolean,
  deps: ImportDeps,
): Promise<{ result: ValidationResult; summary: ImportSummary }> {
  const snapshot = await repo.loadSnapshot(deps.database.db);
  let checked: Awaited<ReturnType<typeof checkInWorker>>;
  try {
    checked = await checkInWorker({ text, snapshot, options: { isFullSync, currentYear: deps.clock.now().getUTCFullYear() } });
  } catch (err) {
    if (err instanceof ImportFileError) throw toAppError(err);
    throw err;
  }
  const { result } = checked;
  return {
    result,
    summary: {
      fileName,
      isFullSync,
      totalRows: checked.totalRows,
      counts: result.counts,
      rejected: result.rejected.slice(0, MAX_LISTED_REJECTIONS),
      rejectedCount: result.rejected.length,
      ignoredColumns: checked.ignoredColumns,
      sensitiveColumns: checked.sensitiveColumns,
    },
  };
}

function decodeOrThrow(bytes: Uint8Array): string {
  try {
    return decodeHrFile(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) throw toAppError(err);
    throw err;
  }
}

/** Reads and checks a file; keeps it for "apply". Changes nothing in the directory. */
export async function previewImport(
  input: { fileName: string; bytes: Uint8Array; isFullSync: boolean },
  actorId: string | null,
  deps: ImportDeps,
): Promise<ImportView & { rejectedAll: Rejection[] }> {
  const text = decodeOrThrow(input.bytes);
  const { summary, result } = await check(text, input.fileName, input.isFullSync, deps);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  // A file with a character PostgreSQL cannot store (its rows are refused, so it can never be applied) is not kept.
  const isKept = !hasUnstorableCharacter(text);
  const row = await repo.insertImport(deps.database.db, {
    createdBy: actorId,
    createdAt: deps.clock.now(),
    fileName: input.fileName,
    content: isKept ? text : null,
    isFullSync: input.isFullSync,
    status: "previewed",
    summary,
  });
  return { id: row.id, status: "previewed", summary, progress: null, failure: null, canApply: isKept, rejectedAll: result.rejected };
}

type PreparedApply = {
  id: string;
  isFullSync: boolean;
  records: ValidationResult["records"];
  summary: ImportSummary;
  /** The import's lock, held until the apply ends. */
  lock: HeldLock;
};

/** Marks an import whose process died while applying it as failed, and drops what it had staged. Its lock must be held. */
async function failInterrupted(id: string, deps: ImportDeps): Promise<void> {
  await repo.deleteStagedRows(deps.database.db, id);
  await repo.finishImport(deps.database.db, id, { status: "failed", failure: "interrupted" });
}

/**
 * First half of "apply": checks the kept file again against the directory as it is now (any
 * refused row refuses the whole file) and claims the import so that it is applied once. An import
 * left "applying" by a process that died is failed first, then applied again.
 */
export async function prepareApply(id: string, deps: ImportDeps): Promise<PreparedApply> {
  const { db } = deps.database;
  const lock = await deps.database.tryLock(importLockKey(id));
  if (!lock) throw new AppError(409, "IMPORT_NOT_PENDING", "import.file.notPending");
  try {
    let found = await repo.findImport(db, id);
    if (!found) throw notFound();
    if (found.status === "applying") {
      await failInterrupted(id, deps);
      found = await repo.findImport(db, id);
    }
    if (!found || !isApplicable(found)) throw new AppError(409, "IMPORT_NOT_PENDING", "import.file.notPending");
    const { result, summary } = await check(found.content as string, found.fileName, found.isFullSync, deps);
    if (result.rejected.length) {
      await repo.finishImport(db, id, { status: "previewed", summary, failure: null });
      throw new AppError(409, "IMPORT_REJECTED", "import.file.rejected");
    }
    const progress: ImportProgress = { phase: "staging", done: 0, total: result.records.length };
    if (!(await repo.claimImport(db, id, progress))) throw new AppError(409, "IMPORT_NOT_PENDING", "import.file.notPending");
    return { id, isFullSync: found.isFullSync, records: result.records, summary, lock };
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
export async function executeApply(
  prepared: PreparedApply,
  deps: ImportDeps,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportView> {
  const { db } = deps.database;
  const { id, records, summary } = prepared;
  const total = records.length;
  try {
    for (let start = 0; start < total; start += STAGING_BATCH) {
      await repo.stageRows(db, id, records.slice(start, start + STAGING_BATCH), start);
      const progress: ImportProgress = { phase: "staging", done: Math.min(start + STAGING_BATCH, total), total };
      await repo.setProgress(db, id, progress);
      onProgress(progress);
      await yieldToEventLoop();
    }
    const merging: ImportProgress = { phase: "merging", done: 0, total };
    await repo.setProgress(db, id, merging);
    mergeProgressById.set(id, merging);
    onProgress(merging);
    const now = deps.clock.now();
    const changed = await db.transaction((tx) =>
      repo.mergeStagedRows(tx, id, now, {
        isFullSync: prepared.isFullSync,
        total,
        onSlice: (done) => {
          const progress: ImportProgress = { phase: "merging", done, total };
          mergeProgressById.set(id, progress);
          onProgress(progress);
        },
      }),
    );
    const applied: ImportSummary = { ...summary, counts: { ...changed, unchanged: total - changed.created - changed.updated } };
    await repo.deleteStagedRows(db, id);
    await repo.finishImport(db, id, { status: "applied", summary: applied, appliedAt: now });
    const done: ImportProgress = { phase: "done", done: total, total };
    onProgress(done);
    return { id, status: "applied", summary: applied, progress: done, failure: null, canApply: false };
  } catch (err) {
    await repo.deleteStagedRows(db, id).catch(() => {});
    await repo.finishImport(db, id, { status: "failed", failure: "error" }).catch(() => {});
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
): Promise<{ summary: ImportSummary; rejected: Rejection[]; isApplied: boolean }> {
  const { result, summary } = await check(decodeOrThrow(input.bytes), input.fileName, input.isFullSync, deps);
  if (input.isDryRun || result.rejected.length) return { summary, rejected: result.rejected, isApplied: false };
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
      content: null,
      isFullSync: input.isFullSync,
      status: "applying",
      summary,
      progress: { phase: "staging", done: 0, total: result.records.length },
    });
  } catch (err) {
    await lock.release();
    throw err;
  }
  const applied = await executeApply({ id, isFullSync: input.isFullSync, records: result.records, summary, lock }, deps, onProgress);
  return { summary: applied.summary, rejected: [], isApplied: true };
}

const isApplicable = (row: Pick<repo.ImportRow, "status" | "content">) =>
  row.content !== null && (row.status === "previewed" || row.status === "failed");

/** An import's state for the web app's polling, with its progress while it is applied. */
export async function getImport(id: string, deps: ImportDeps): Promise<ImportView> {
  const found = await repo.findImport(deps.database.db, id);
  if (!found) throw notFound();
  return {
    id,
    status: found.status,
    summary: found.summary as ImportSummary,
    progress: found.status === "applying" ? (mergeProgressById.get(id) ?? found.progress) : null,
    failure: found.failure,
    canApply: isApplicable(found),
  };
}

export type ImportListItem = Omit<ImportView, "summary" | "progress"> & {
  summary: ImportSummary;
  createdAt: Date;
  appliedAt: Date | null;
};

/** The latest imports, newest first, for the import page's history. */
export async function listRecentImports(deps: ImportDeps, limit = 20): Promise<ImportListItem[]> {
  const rows = await repo.listImports(deps.database.db, limit);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    summary: row.summary as ImportSummary,
    failure: row.failure,
    canApply: row.isKept && (row.status === "previewed" || row.status === "failed"),
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
      await failInterrupted(id, deps);
      failed.push(id);
    } finally {
      await lock.release();
    }
  }
  await repo.deleteOrphanStagedRows(deps.database.db);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  return failed;
}
