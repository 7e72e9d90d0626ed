/** Reading and checking an HR file, on a worker thread when it is big: the event loop keeps answering meanwhile. */
import { runWorker } from "../../platform/threads/run-worker.ts";
import {
  type FileProblemCode,
  ImportFileError,
  type PersonRecord,
  parseHrFile,
  type ValidationResult,
  validateImport,
} from "./people-import.domain.ts";

export type CheckJob = { text: string; snapshot: PersonRecord[]; options: { isFullSync: boolean; currentYear: number } };
export type CheckOutcome =
  | { kind: "checked"; totalRows: number; ignoredColumns: string[]; sensitiveColumns: string[]; result: ValidationResult }
  | { kind: "file-error"; code: FileProblemCode; params: Record<string, string> };
type Checked = Extract<CheckOutcome, { kind: "checked" }>;

const WORKER = new URL("./people-import.worker.ts", import.meta.url);
/** Below this (about 5,000 rows and a directory of 20,000), checking takes well under 100 ms: a thread would cost more than it saves. */
const IN_THREAD_MAX = { textLength: 512 * 1024, snapshot: 20_000 };

/** `parseHrFile` then `validateImport`, without the thread: what the worker runs. */
export function checkFile(job: CheckJob): Checked {
  const file = parseHrFile(job.text);
  const result = validateImport(file, new Map(job.snapshot.map((record) => [record.employeeId, record])), job.options);
  return {
    kind: "checked",
    totalRows: file.rows.length,
    ignoredColumns: file.ignoredColumns,
    sensitiveColumns: file.sensitiveColumns,
    result,
  };
}

/** Checks a file, on a worker thread when it is big; a file that cannot be read throws ImportFileError, as parseHrFile does. */
export async function checkInWorker(job: CheckJob): Promise<Checked> {
  if (job.text.length <= IN_THREAD_MAX.textLength && job.snapshot.length <= IN_THREAD_MAX.snapshot) return checkFile(job);
  const outcome = await runWorker<CheckOutcome>(WORKER, job);
  if (outcome.kind === "file-error") throw new ImportFileError(outcome.code, outcome.params);
  return outcome;
}
