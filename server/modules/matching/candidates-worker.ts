/**
 * Worker thread of `generateCandidatesParallel`: scans the mentee range of its `ScanJob` (typed arrays on
 * SharedArrayBuffers) and sends the scanned pairs back, transferring the result buffers.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type ScanJob, scanRange } from "./candidates.ts";

const result = scanRange(workerData as ScanJob);
parentPort?.postMessage(result, [
  result.size.buffer,
  result.bound.buffer,
  result.topScore.buffer,
  result.topMentor.buffer,
] as ArrayBuffer[]);
