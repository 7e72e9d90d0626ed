/** Worker thread of `checkInWorker`: parses and validates a big HR file (1–3 s of CPU for 100,000 rows) away from the event loop. */
import { parentPort, workerData } from "node:worker_threads";
import { type CheckJob, type CheckOutcome, checkFile } from "./people-import.check.ts";
import { ImportFileError } from "./people-import.domain.ts";

let outcome: CheckOutcome;
try {
  outcome = checkFile(workerData as CheckJob);
} catch (err) {
  if (!(err instanceof ImportFileError)) throw err;
  outcome = { kind: "file-error", code: err.code, params: err.params };
}
// The staging batches and the kept file move to the main thread without a copy.
parentPort?.postMessage(
  outcome,
  outcome.kind === "checked"
    ? [...outcome.stagingBatches, ...(outcome.keptFile ? [outcome.keptFile] : [])].map((bytes) => bytes.buffer as ArrayBuffer)
    : [],
);
