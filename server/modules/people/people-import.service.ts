/**
 * Import of the people directory from an HR file: preview (nothing written to the directory),
 * then apply (re-validated, staged with progress, merged in one transaction: all or nothing).
 */
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, notFound } from "../../platform/errors/app-error.ts";
import {
  decodeHrFile,
  type ImportCounts,
  ImportFileError,
  type ParsedFile,
  parseHrFile,
  type Rejection,
  type ValidationResult,
  validateImport,
} from "./people-import.domain.ts";
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
export type ImportView = { id: string; status: ImportStatus; summary: ImportSummary; progress: ImportProgress | null };

export const MAX_LISTED_REJECTIONS = 1000;
const STAGING_BATCH = 5000;
/** How long a previewed file waits for "apply". */
const PREVIEW_KEPT_MS = 24 * 3_600_000;

/** Progress of the imports this process is applying (read by the web app's polling; nothing to share across instances). */
const progressById = new Map<string, ImportProgress>();

function parseOrThrow(text: string): ParsedFile {
  try {
    return parseHrFile(text);
  } catch (err) {
    if (err instanceof ImportFileError) {
      throw new AppError(400, "IMPORT_FILE_INVALID", `import.file.${err.code}`, err.params, [
        { path: "file", messageKey: `import.file.${err.code}`, params: err.params },
      ]);
    }
    throw err;
  }
}

async function check(
  text: string,
  fileName: string,
  isFullSync: boolean,
  deps: ImportDeps,
): Promise<{ file: ParsedFile; result: ValidationResult; summary: ImportSummary }> {
  const file = parseOrThrow(text);
  const snapshot = await repo.loadSnapshot(deps.database.db);
  const result = validateImport(file, snapshot, { isFullSync, currentYear: deps.clock.now().getUTCFullYear() });
  return {
    file,
    result,
    summary: {
      fileName,
      isFullSync,
      totalRows: file.rows.length,
      counts: result.counts,
      rejected: result.rejected.slice(0, MAX_LISTED_REJECTIONS),
      rejectedCount: result.rejected.length,
      ignoredColumns: file.ignoredColumns,
      sensitiveColumns: file.sensitiveColumns,
    },
  };
}

/** Reads and checks a file; keeps it for "apply". Changes nothing in the directory. */
export async function previewImport(
  input: { fileName: string; bytes: Uint8Array; isFullSync: boolean },
  actorId: string | null,
  deps: ImportDeps,
): Promise<ImportView & { rejectedAll: Rejection[] }> {
  const text = decodeHrFile(input.bytes);
  const { summary, result } = await check(text, input.fileName, input.isFullSync, deps);
  await repo.forgetStalePreviews(deps.database.db, new Date(deps.clock.now().getTime() - PREVIEW_KEPT_MS));
  const row = await repo.insertImport(deps.database.db, {
    createdBy: actorId,
    createdAt: deps.clock.now(),
    fileName: input.fileName,
    content: text,
    isFullSync: input.isFullSync,
    status: "previewed",
    summary,
  });
  return { id: row.id, status: "previewed", summary, progress: null, rejectedAll: result.rejected };
}

type PreparedApply = { id: string; isFullSync: boolean; records: ValidationResult["records"]; summary: ImportSummary };

/**
 * First half of "apply", quick: checks the kept file again against the directory as it is now (any
 * refused row refuses the whole file) and claims the import so that it is applied once.
 */
export async function prepareApply(id: string, deps: ImportDeps): Promise<PreparedApply> {
  const { db } = deps.database;
  const found = await repo.findImport(db, id);
  if (!found) throw notFound();
  if (found.status !== "previewed" || found.content === null) throw new AppError(409, "IMPORT_NOT_PENDING", "import.file.notPending");
  const { result, summary } = await check(found.content, found.fileName, found.isFullSync, deps);
  if (result.rejected.length) {
    await repo.finishImport(db, id, { status: "previewed", summary });
    throw new AppError(409, "IMPORT_REJECTED", "import.file.rejected");
  }
  if (!(await repo.claimImport(db, id))) throw new AppError(409, "IMPORT_NOT_PENDING", "import.file.notPending");
  progressById.set(id, { phase: "staging", done: 0, total: result.records.length });
  return { id, isFullSync: found.isFullSync, records: result.records, summary };
}

/**
 * Second half of "apply": stages the rows in batches (reporting progress), then merges them into
 * the directory in one transaction, so a failure at any point leaves the directory as it was.
 */
export async function executeApply(
  prepared: PreparedApply,
  deps: ImportDeps,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportView> {
  const { db } = deps.database;
  const { id, records, summary } = prepared;
  const report = (progress: ImportProgress) => {
    progressById.set(id, progress);
    onProgress(progress);
  };
  const total = records.length;
  try {
    for (let start = 0; start < total; start += STAGING_BATCH) {
      await repo.stageRows(db, id, records.slice(start, start + STAGING_BATCH));
      report({ phase: "staging", done: Math.min(start + STAGING_BATCH, total), total });
    }
    report({ phase: "merging", done: total, total });
    const now = deps.clock.now();
    const changed = await db.transaction((tx) => repo.mergeStagedRows(tx, id, now, prepared.isFullSync));
    const applied: ImportSummary = { ...summary, counts: { ...changed, unchanged: total - changed.created - changed.updated } };
    await repo.deleteStagedRows(db, id);
    await repo.finishImport(db, id, { status: "applied", summary: applied, appliedAt: now });
    report({ phase: "done", done: total, total });
    return { id, status: "applied", summary: applied, progress: { phase: "done", done: total, total } };
  } catch (err) {
    await repo.deleteStagedRows(db, id).catch(() => {});
    await repo.finishImport(db, id, { status: "failed" }).catch(() => {});
    throw err;
  } finally {
    progressById.delete(id);
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
  const { result, summary } = await check(decodeHrFile(input.bytes), input.fileName, input.isFullSync, deps);
  if (input.isDryRun || result.rejected.length) return { summary, rejected: result.rejected, isApplied: false };
  const row = await repo.insertImport(deps.database.db, {
    createdBy: null,
    createdAt: deps.clock.now(),
    fileName: input.fileName,
    content: null,
    isFullSync: input.isFullSync,
    status: "applying",
    summary,
  });
  const applied = await executeApply({ id: row.id, isFullSync: input.isFullSync, records: result.records, summary }, deps, onProgress);
  return { summary: applied.summary, rejected: [], isApplied: true };
}

/** An import's state for the web app's polling, with its progress while this process applies it. */
export async function getImport(id: string, deps: ImportDeps): Promise<ImportView> {
  const found = await repo.findImport(deps.database.db, id);
  if (!found) throw notFound();
  return { id, status: found.status, summary: found.summary as ImportSummary, progress: progressById.get(id) ?? null };
}
