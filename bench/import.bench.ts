/**
 * `npm run bench:import`: imports a generated 100,000-row HR file (UTF-8 with BOM, `;`, accented
 * names) on PGlite and on PostgreSQL, each in a fresh process and database, through the API (upload
 * with preview, then apply, as the web app does), and prints rows per second, peak memory, the ratio
 * to a raw COPY of the same file (the engine's own ceiling), and how the server kept answering:
 * its largest event-loop delay, and /healthz, a web app file and an API read measured from another
 * process during the import (p99 and max).
 * Targets: ≥ 5,000 rows/s on PostgreSQL, ≥ 2,000 rows/s on PGlite, peak memory < 1 GiB (issue 3);
 * /healthz and the web app's files within 1 s throughout (issue 10).
 * ROWS and BENCH_DATABASE_URL (a server where databases may be created) can be set.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateHrRows, toCsv } from "../server/modules/people/hr-file-generator.ts";

const rows = Number(process.env.ROWS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-import-")), "export-rh.csv");
fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(generateHrRows(rows)), "utf8")]));
console.log(
  `Import benchmark: ${rows.toLocaleString("en")} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

type Latencies = { count: number; p50: number; p99: number; max: number };
type Result = {
  engine: string;
  rows: number;
  seconds: number;
  previewSeconds: number;
  applySeconds: number;
  peerSeconds: number;
  peakRssMiB: number;
  loopMaxMs: number;
  loopP99Ms: number;
  probe: { healthz: Latencies; webFile: Latencies; api: Latencies };
};
function run(engine: string, target: string): Result {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "import-run.ts"), engine, target, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${engine} run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop() as string);
}

// The web app's files are served during the run (and probed): build them when missing.
const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/ensure-web-build.ts"], { stdio: "inherit" });
if (build.status !== 0) throw new Error("the web app could not be built");

// The embedded database is created first, as `npm start` would have done: creating it costs memory once, not per import.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-bench-data-"));
const migrate = spawnSync(process.execPath, ["bin/passerelle.mjs", "migrate"], {
  env: { ...process.env, PASSERELLE_DATA_DIR: dataDir, DATABASE_URL: "" },
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(migrate.stderr);
const results: (Result & { target: number })[] = [{ ...run("pglite", dataDir), target: 2000 }];
fs.rmSync(dataDir, { recursive: true, force: true });
const admin = new pg.Client({ connectionString: serverUrl });
try {
  await admin.connect();
  const name = `passerelle_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    results.push({ ...run("postgres", url.toString()), target: 5000 });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
} catch (err) {
  console.log(`PostgreSQL skipped: ${(err as Error).message.split("\n")[0]} (set BENCH_DATABASE_URL)`);
} finally {
  await admin.end().catch(() => {});
}

const pad = (v: string, n: number) => v.padStart(n);
console.log(
  `\n${"engine".padEnd(10)}${pad("rows/s", 10)}${pad("target", 9)}${pad("seconds", 9)}${pad("preview", 9)}${pad("apply", 8)}${pad("COPY s", 9)}${pad("COPY/us", 9)}${pad("peak MiB", 10)}  verdict`,
);
for (const r of results) {
  const rate = r.rows / r.seconds;
  const isMet = rate >= r.target && r.peakRssMiB < 1024;
  console.log(
    `${r.engine.padEnd(10)}${pad(Math.round(rate).toLocaleString("en"), 10)}${pad(r.target.toLocaleString("en"), 9)}${pad(r.seconds.toFixed(2), 9)}${pad(r.previewSeconds.toFixed(2), 9)}${pad(r.applySeconds.toFixed(2), 8)}${pad(r.peerSeconds.toFixed(2), 9)}${pad((r.peerSeconds / r.seconds).toFixed(2), 9)}${pad(r.peakRssMiB.toFixed(0), 10)}  ${isMet ? "target met" : "TARGET MISSED"}`,
  );
}
console.log(
  "\nCOPY/us: the time of a raw COPY of the same file (no checks, no merge) divided by ours; 1.00 would be as fast as the engine can load.",
);

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "fail");
console.log(
  `\nServing during the import (ms; event loop measured in the server, the rest from another process):\n${"engine".padEnd(10)}${pad("loop max", 10)}${pad("loop p99", 10)}${pad("healthz p99", 13)}${pad("max", 7)}${pad("n", 6)}${pad("web p99", 10)}${pad("max", 7)}${pad("api p99", 10)}${pad("max", 7)}  verdict`,
);
for (const r of results) {
  const { healthz, webFile, api } = r.probe;
  const isMet = healthz.max < 1000 && webFile.max < 1000;
  console.log(
    `${r.engine.padEnd(10)}${pad(ms(r.loopMaxMs), 10)}${pad(ms(r.loopP99Ms), 10)}${pad(ms(healthz.p99), 13)}${pad(ms(healthz.max), 7)}${pad(String(healthz.count), 6)}${pad(ms(webFile.p99), 10)}${pad(ms(webFile.max), 7)}${pad(ms(api.p99), 10)}${pad(ms(api.max), 7)}  ${isMet ? "within 1 s" : "OVER 1 s"}`,
  );
}
console.log(
  "\napi: GET /api/me with the manager's session; on the embedded database it waits for the database while the merge transaction runs.",
);
fs.rmSync(path.dirname(file), { recursive: true, force: true });
