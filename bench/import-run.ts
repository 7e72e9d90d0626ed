/**
 * One measured import, in its own process so that its peak memory is its own:
 * `tsx bench/import-run.ts pglite DATA_DIR FILE` or `… postgres URL FILE` prints one JSON line.
 * The database exists already (created by `passerelle migrate`), as in a running installation.
 * The app listens on a free port and runs the import's job worker (polling every 0.5 s, pg-boss's
 * shortest, as the apply's job waits up to that long); an HR manager uploads the file and applies it
 * through the API, as the web app does, while `healthz-probe.ts` (another process) measures how fast /healthz, a
 * web app file and an API read answer, and this process records its own event-loop delay.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { insertUser } from "../server/modules/accounts/index.ts";
import { applyImportJob } from "../server/modules/people/index.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { systemClock } from "../server/platform/clock/clock.ts";
import { startJobWorkers } from "../server/platform/jobs/job-queue.ts";
import { HttpSession } from "../server/test/http-session.ts";

const [engine, target, file] = process.argv.slice(2);
if ((engine !== "pglite" && engine !== "postgres") || !target || !file)
  throw new Error("usage: import-run.ts pglite DATA_DIR FILE | postgres URL FILE");
const url = target;
const database =
  engine === "pglite" ? await openDatabase({ kind: "pglite", dataDir: target }) : await openDatabase({ kind: "postgres", url });
await database.migrate();
const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent" });
const app = await buildApp({ database, clock: systemClock, config });
await app.listen({ port: 0, host: "127.0.0.1" });
const workers = await startJobWorkers(
  database,
  { "people-import-apply": (data) => applyImportJob(data.importId, { database, clock: systemClock }) },
  { pollingIntervalSeconds: 0.5, isScheduling: false },
);
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

// An HR manager's session, as the web app has it.
const password = "une longue phrase de passe";
await insertUser(database.db, {
  email: "rh@bench.example",
  displayName: "RH",
  passwordHash: await hashPassword(password),
  status: "active",
  locale: "fr",
  roles: ["manager"],
  now: new Date(),
});
const hr = new HttpSession(base);
await hr.login("rh@bench.example", password);

const bytes = fs.readFileSync(file);
const probe = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "healthz-probe.ts"), base, hr.cookieHeader], {
  stdio: ["pipe", "pipe", "inherit"],
});
let probeOutput = "";
probe.stdout.on("data", (chunk) => {
  probeOutput += chunk;
});
await new Promise((resolve) => setTimeout(resolve, 1000)); // the probe's own start
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const started = performance.now();
const preview = await hr.send("POST", `/api/people/imports?fileName=${encodeURIComponent(path.basename(file))}`, bytes, "text/csv");
if (preview.status !== 201) throw new Error(`preview failed: ${preview.status} ${await preview.text()}`);
const { id } = (await preview.json()) as { id: string };
const previewSeconds = (performance.now() - started) / 1000;
const applyStarted = performance.now();
const apply = await hr.send("POST", `/api/people/imports/${id}/apply`);
if (apply.status !== 202) throw new Error(`apply failed: ${apply.status} ${await apply.text()}`);
let view: { status: string; summary: { counts: { created: number } } };
for (;;) {
  view = (await (await hr.send("GET", `/api/people/imports/${id}`)).json()) as typeof view;
  if (view.status !== "applying") break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const applySeconds = (performance.now() - applyStarted) / 1000;
const seconds = (performance.now() - started) / 1000;
loop.disable();
probe.stdin.end();
await new Promise((resolve) => probe.on("close", resolve));
if (view.status !== "applied") throw new Error(`import ended ${view.status}`);
const rows = view.summary.counts.created;
const importPeakMiB = process.resourceUsage().maxRSS / 1024;
await workers.stop();
await app.close();

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
const probed = JSON.parse(probeOutput.trim().split("\n").pop() as string);
// Peak memory of the import itself, before the peer loads its own copy of the file.
console.log(
  JSON.stringify({
    engine,
    rows,
    seconds,
    previewSeconds,
    applySeconds,
    peerSeconds,
    peakRssMiB: importPeakMiB,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    probe: probed,
  }),
);
