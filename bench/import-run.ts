/**
 * One measured import, in its own process so that its peak memory is its own:
 * `tsx bench/import-run.ts pglite DATA_DIR FILE` or `… postgres URL FILE` prints one JSON line.
 * The database exists already (created by `passerelle migrate`), as in a running installation.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../server/db/client.ts";
import { importFile } from "../server/modules/people/people-import.service.ts";
import { systemClock } from "../server/platform/clock/clock.ts";

const [engine, target, file] = process.argv.slice(2);
if ((engine !== "pglite" && engine !== "postgres") || !target || !file)
  throw new Error("usage: import-run.ts pglite DATA_DIR FILE | postgres URL FILE");
const url = target;
const database =
  engine === "pglite" ? await openDatabase({ kind: "pglite", dataDir: target }) : await openDatabase({ kind: "postgres", url });
await database.migrate();
const bytes = fs.readFileSync(file);

const started = performance.now();
const outcome = await importFile(
  { fileName: path.basename(file), bytes, isFullSync: false, isDryRun: false },
  { database, clock: systemClock },
);
const seconds = (performance.now() - started) / 1000;
if (!outcome.isApplied) throw new Error(`import refused: ${JSON.stringify(outcome.rejected.slice(0, 3))}`);
const rows = outcome.summary.counts.created;
const importPeakMiB = process.resourceUsage().maxRSS / 1024;

// The peer: the engine loading the same file with COPY into a bare table, no checks at all (an upper bound).
const ddl = "create table copy_peer (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text)";
let peerSeconds: number;
if (engine === "pglite") {
  const pglite = (database as unknown as { db: { $client: import("@electric-sql/pglite").PGlite } }).db.$client;
  await pglite.exec(ddl);
  const peerStart = performance.now();
  await pglite.query("copy copy_peer from '/dev/blob' with (format csv, header, delimiter ';')", [], { blob: new Blob([bytes]) });
  peerSeconds = (performance.now() - peerStart) / 1000;
} else {
  const peerStart = performance.now();
  const copy = spawnSync(
    "psql",
    [
      url as string,
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-c",
      ddl,
      "-c",
      `\\copy copy_peer from '${file}' with (format csv, header, delimiter ';')`,
    ],
    { encoding: "utf8" },
  );
  if (copy.status !== 0) throw new Error(copy.stderr);
  peerSeconds = (performance.now() - peerStart) / 1000;
}
await database.close();
// Peak memory of the import itself, before the peer loads its own copy of the file.
console.log(JSON.stringify({ engine, rows, seconds, peerSeconds, peakRssMiB: importPeakMiB }));
