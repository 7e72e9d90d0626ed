/** Reading and checking an HR file, on a worker thread when it is big: the event loop keeps answering meanwhile. */

import { gunzipSync, gzipSync } from "node:zlib";
import { hasUnstorableCharacter } from "../../../contracts/text.ts";
import { runWorker } from "../../platform/threads/run-worker.ts";
import {
  decodeHrFile,
  type FileProblemCode,
  ImportFileError,
  type PersonRecord,
  parseHrFile,
  type ValidationResult,
  validateImport,
} from "./people-import.domain.ts";

export type CheckJob = {
  /** The file as uploaded (decoded here, off the event loop), or as kept (`keptFile`) for an apply. */
  file: { bytes: Uint8Array } | { kept: Uint8Array };
  snapshot: PersonRecord[];
  options: { isFullSync: boolean; currentYear: number };
  /** Prepare the rows for staging (an apply); a preview only needs the counts and the refused rows. */
  withStaging: boolean;
};
export type CheckOutcome =
  | {
      kind: "checked";
      /**
       * The file to keep for "apply": decoded to UTF-8 and gzipped (a 12 MB file is about 2 MB, and
       * writing it takes the database a fraction of the time). Null when it came as kept already, or
       * holds a character PostgreSQL cannot store (its rows are refused: it can never be applied).
       */
      keptFile: Uint8Array | null;
      totalRows: number;
      ignoredColumns: string[];
      sensitiveColumns: string[];
      counts: ValidationResult["counts"];
      rejected: ValidationResult["rejected"];
      /** How many valid rows the import would write. */
      recordCount: number;
      /**
       * Those rows, ready for `stageRows`: UTF-8 JSON of STAGING_BATCH rows each, moved from the
       * worker without a copy (100,000 rows as objects or strings took this thread 0.3–0.5 s to receive).
       */
      stagingBatches: Uint8Array[];
    }
  | { kind: "file-error"; code: FileProblemCode; params: Record<string, string> };
type Checked = Extract<CheckOutcome, { kind: "checked" }>;

const WORKER = new URL("./people-import.worker.ts", import.meta.url);
/** Below this (about 5,000 rows and a directory of 20,000), checking takes well under 100 ms: a thread would cost more than it saves. */
const IN_THREAD_MAX = { textLength: 512 * 1024, snapshot: 20_000 };

/** A kept file: gzipped UTF-8, or plain UTF-8 for files kept before gzip (migration 0004); gzip's magic bytes tell them apart. */
export function readKeptFile(kept: Uint8Array): string {
  const isGzip = kept[0] === 0x1f && kept[1] === 0x8b;
  return Buffer.from(isGzip ? gunzipSync(kept) : kept).toString("utf8");
}

/** Rows per staging statement: each takes about 0.2 s on the embedded database. */
export const STAGING_BATCH = 5000;

/** The valid rows as `stageRows` reads them: UTF-8 JSON arrays of STAGING_BATCH rows, each with its rank in the file (`seq`). */
export function stagingBatches(records: readonly PersonRecord[]): Uint8Array[] {
  const encoder = new TextEncoder();
  const batches: Uint8Array[] = [];
  for (let start = 0; start < records.length; start += STAGING_BATCH) {
    const batch = records.slice(start, start + STAGING_BATCH);
    batches.push(encoder.encode(JSON.stringify(batch.map((r, i) => ({ ...r, seq: start + i, languages: r.languages.join(",") })))));
  }
  return batches;
}

/** `parseHrFile` then `validateImport`, without the thread: what the worker runs. */
export function checkFile(job: CheckJob): Checked {
  const text = "kept" in job.file ? readKeptFile(job.file.kept) : decodeHrFile(job.file.bytes);
  const file = parseHrFile(text);
  const result = validateImport(file, new Map(job.snapshot.map((record) => [record.employeeId, record])), job.options);
  return {
    kind: "checked",
    keptFile: "bytes" in job.file && !hasUnstorableCharacter(text) ? new Uint8Array(gzipSync(text)) : null,
    totalRows: file.rows.length,
    ignoredColumns: file.ignoredColumns,
    sensitiveColumns: file.sensitiveColumns,
    counts: result.counts,
    rejected: result.rejected,
    recordCount: result.records.length,
    stagingBatches: job.withStaging && result.rejected.length === 0 ? stagingBatches(result.records) : [],
  };
}

/** Checks a file, on a worker thread when it is big; a file that cannot be read throws ImportFileError, as parseHrFile does. */
export async function checkInWorker(job: CheckJob): Promise<Checked> {
  const size = "kept" in job.file ? job.file.kept.byteLength * 6 : job.file.bytes.byteLength;
  if (size <= IN_THREAD_MAX.textLength && job.snapshot.length <= IN_THREAD_MAX.snapshot) return checkFile(job);
  const outcome = await runWorker<CheckOutcome>(WORKER, job);
  if (outcome.kind === "file-error") throw new ImportFileError(outcome.code, outcome.params);
  return outcome;
}
