/**
 * Runs a TypeScript module on a worker thread and resolves with the one message it posts back:
 * CPU-heavy work (matching scans, reading a 100,000-row HR file) without freezing the event loop.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * The worker is TypeScript, loaded through tsx's ESM hooks, the same under `tsx` and under vitest. Node 20 loads a
 * worker's entry before the hooks of `execArgv: ["--import", "tsx"]` are in place (ERR_UNKNOWN_FILE_EXTENSION), so
 * a small evaluated bootstrap registers tsx first, then imports the worker module.
 */
function workerBootstrap(entry: URL): string {
  // tsx's ESM build (its CommonJS build's register() does not work from a worker); package.json locates it.
  const tsx = pathToFileURL(
    path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
  ).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** Starts `entry` (which reads `workerData` and posts one message) and resolves with that message. */
export function runWorker<Result>(entry: URL, workerData: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerBootstrap(entry), { eval: true, execArgv: [], workerData });
    let isDone = false;
    worker.once("message", (result: Result) => {
      isDone = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      isDone = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!isDone) reject(new Error(`worker ${path.basename(entry.pathname)} exited with code ${code} before answering`));
    });
  });
}
