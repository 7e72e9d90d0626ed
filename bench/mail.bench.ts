/**
 * `npm run bench:mail [-- --count N] [-- --no-pool]`: 10,000 notification emails (N with --count) queued through
 * `notify`, a thousand per transaction, and delivered by the job workers as `npm start` runs them, to a local
 * SMTP server in a process of its own (bench/smtp-sink.ts: it only counts recipients and Message-IDs). On
 * PGlite (a data directory in a temp dir) and on PostgreSQL (a database created and dropped on
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres), each run in a
 * fresh process (bench/mail-run.ts) so that its peak memory is its own. Prints messages per second from the
 * first queued to the last accepted by the SMTP server, none lost (received = N), none sent twice (N distinct
 * recipients and Message-IDs), peak RSS, and PostgreSQL's rate as a multiple of PGlite's, measured in the
 * same run. The SMTP URL has nodemailer's `?pool=true` (connections kept open); `--no-pool` opens one per message.
 * `--engine pglite|postgres` runs one of the two; BENCH_TRACE=1 prints the run's progress every 250 ms.
 */
import { fork, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { MailRunResult } from "./mail-run.ts";
import type { SinkReport } from "./smtp-sink.ts";

const argValue = (name: string) => {
  const at = process.argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const arg = process.argv[at] as string;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : process.argv[at + 1];
};
const count = Number(argValue("--count") ?? 10_000);
if (!Number.isInteger(count) || count < 1) throw new Error("--count expects a positive whole number");
const isPooled = !process.argv.includes("--no-pool");
/** `--engine pglite` or `--engine postgres`: one of the two only (no ratio then). */
const only = argValue("--engine");
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
console.log(
  `Email benchmark: ${count.toLocaleString("en")} notification emails, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

const sink = fork(path.join(import.meta.dirname, "smtp-sink.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
const sinkPort = await new Promise<number>((resolve, reject) => {
  sink.once("message", (m) => resolve((m as { port: number }).port));
  sink.once("exit", (code) => reject(new Error(`the SMTP sink exited (${code})`)));
});
const smtpUrl = `smtp://127.0.0.1:${sinkPort}${isPooled ? "?pool=true" : ""}`;
const sinkReport = () =>
  new Promise<SinkReport>((resolve) => {
    sink.once("message", (m) => resolve(m as SinkReport));
    sink.send("report");
  });

type Result = MailRunResult & { sink: SinkReport };

async function run(engine: "pglite" | "postgres", target: string): Promise<Result> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "mail-run.ts"), engine, target, smtpUrl, String(count)],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    if (process.env.BENCH_TRACE) process.stderr.write(chunk);
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (status !== 0) throw new Error(`${engine} run failed:\n${stderr}`);
  const result = JSON.parse(stdout.trim().split("\n").pop() as string) as MailRunResult;
  return { ...result, sink: await sinkReport() };
}

const results: Result[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-mail-bench-"));
try {
  if (only !== "postgres") results.push(await run("pglite", dataDir));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const admin = new pg.Client({ connectionString: serverUrl });
try {
  if (only === "pglite") throw new Error("--engine pglite");
  await admin.connect();
  const name = `passerelle_bench_mail_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    results.push(await run("postgres", url.toString()));
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
} catch (err) {
  console.log(`PostgreSQL skipped: ${(err as Error).message.split("\n")[0]} (set BENCH_DATABASE_URL)`);
} finally {
  await admin.end().catch(() => {});
}
sink.send("close");

const pad = (v: string, n: number) => v.padStart(n);
console.log(
  `\nSMTP: ${isPooled ? "nodemailer pool (?pool=true, 5 connections)" : "one connection per message (--no-pool)"}; workers as \`npm start\` starts them.`,
);
console.log(
  `\n${"engine".padEnd(11)}${pad("msg/s", 8)}${pad("total s", 9)}${pad("queue s", 9)}${pad("received", 10)}${pad("lost", 6)}${pad("twice", 7)}${pad("rows sent", 11)}${pad("RSS start", 11)}${pad("peak MiB", 10)}  verdict`,
);
for (const r of results) {
  const lost = r.count - r.sink.recipients;
  // A message sent twice shows as a recipient reached twice, or more messages received than recipients.
  const twice = Math.max(
    r.sink.received - r.sink.recipients,
    r.sink.messageIds < r.sink.received ? r.sink.received - r.sink.messageIds : 0,
  );
  const isExact = lost === 0 && twice === 0 && r.sink.maxPerRecipient === 1 && r.sentRows === r.count && r.jobErrors === 0;
  console.log(
    `${r.engine.padEnd(11)}${pad(Math.round(r.count / r.seconds).toLocaleString("en"), 8)}${pad(r.seconds.toFixed(1), 9)}${pad(r.queueSeconds.toFixed(1), 9)}${pad(r.sink.received.toLocaleString("en"), 10)}${pad(String(lost), 6)}${pad(String(twice), 7)}${pad(r.sentRows.toLocaleString("en"), 11)}${pad(r.startRssMiB.toFixed(0), 11)}${pad(r.peakRssMiB.toFixed(0), 10)}  ${isExact ? "each once" : `WRONG (failed rows ${r.failedRows}, job errors ${r.jobErrors})`}`,
  );
}
const [lite, server] = [results.find((r) => r.engine === "pglite"), results.find((r) => r.engine === "postgres")];
if (lite && server) {
  console.log(
    `\nPostgreSQL / PGlite: ${(server.count / server.seconds / (lite.count / lite.seconds)).toFixed(2)}× the messages per second, ${(server.peakRssMiB / lite.peakRssMiB).toFixed(2)}× the peak memory.`,
  );
}
console.log(
  "msg/s: messages from the first notify() to the last recorded sent (accepted by the SMTP server); queue s: the notify() transactions alone;\nRSS start: the process before the run (database open and migrated, recipients in), peak: sampled every 50 ms during it.",
);
