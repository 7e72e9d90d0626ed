/**
 * One measured email run, in its own process so that its peak memory is its own:
 * `tsx bench/mail-run.ts pglite DATA_DIR SMTP_URL COUNT` or `… postgres URL SMTP_URL COUNT` prints one JSON line.
 * COUNT people with active accounts exist first (not measured); then, with the job workers running as
 * `npm start` runs them (server/main.ts), each is notified through `notify`, a thousand per transaction as
 * a cohort's publication would, and the clock runs until every message is recorded "sent", that is accepted
 * by the SMTP server.
 */
import { count } from "drizzle-orm";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { mailMessages, users } from "../server/db/schema.ts";
import { jobHandlers } from "../server/job-handlers.ts";
import { notify } from "../server/modules/notifications/index.ts";
import { systemClock } from "../server/platform/clock/clock.ts";
import { startJobWorkers } from "../server/platform/jobs/job-queue.ts";
import { mailSettings } from "../server/platform/mail/index.ts";

/** The JSON line this process prints. */
export type MailRunResult = {
  engine: "pglite" | "postgres";
  count: number;
  queueSeconds: number;
  seconds: number;
  sentRows: number;
  failedRows: number;
  startRssMiB: number;
  peakRssMiB: number;
  jobErrors: number;
};

const [engine, target, smtpUrl, countArg] = process.argv.slice(2);
if ((engine !== "pglite" && engine !== "postgres") || !target || !smtpUrl || !countArg)
  throw new Error("usage: mail-run.ts pglite DATA_DIR SMTP_URL COUNT | postgres URL SMTP_URL COUNT");
const total = Number(countArg);
const PER_TRANSACTION = 1000;
/** A run that has not finished by then has lost messages or stalled: stop and say so. */
const DEADLINE_MS = 10 * 60_000;

const database =
  engine === "pglite" ? await openDatabase({ kind: "pglite", dataDir: target }) : await openDatabase({ kind: "postgres", url: target });
await database.migrate();
const config = loadConfig({ SMTP_URL: smtpUrl, PASSERELLE_PUBLIC_URL: "https://passerelle.bench.test", LOG_LEVEL: "silent" });
const mail = mailSettings(config);

// The recipients: active accounts, half in French and half in English (not measured).
const now = new Date();
const userIds: string[] = [];
for (let k = 0; k < total; k += 1000) {
  const rows = await database.db
    .insert(users)
    .values(
      Array.from({ length: Math.min(1000, total - k) }, (_, j) => ({
        email: `personne-${k + j}@bench.test`,
        displayName: `Personne ${k + j}`,
        passwordHash: null,
        status: "active" as const,
        locale: (k + j) % 2 ? ("en" as const) : ("fr" as const),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: users.id });
  userIds.push(...rows.map((r) => r.id));
}

const errors: unknown[] = [];
const workers = await startJobWorkers(database, jobHandlers({ database, clock: systemClock, config, mail }), {
  onError: (err) => errors.push(err),
});

// Before the run: the database open and migrated (PGlite's WebAssembly PostgreSQL is most of it), the recipients in.
const startRss = process.memoryUsage().rss;
let peakRss = startRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const started = performance.now();
for (let k = 0; k < userIds.length; k += PER_TRANSACTION) {
  const batch = userIds.slice(k, k + PER_TRANSACTION);
  await database.db.transaction((tx) =>
    notify(
      tx,
      batch.map((userId) => ({ userId, kind: "proposal_accepted" as const, link: "/pairs" })),
      systemClock.now(),
    ),
  );
}
const queueSeconds = (performance.now() - started) / 1000;

let sent = 0;
let failed = 0;
for (;;) {
  const rows = await database.db.select({ status: mailMessages.status, n: count() }).from(mailMessages).groupBy(mailMessages.status);
  sent = rows.find((r) => r.status === "sent")?.n ?? 0;
  failed = rows.find((r) => r.status === "failed")?.n ?? 0;
  if (process.env.BENCH_TRACE) console.error(`${((performance.now() - started) / 1000).toFixed(1)} s: ${sent} sent`);
  if (sent + failed >= total || performance.now() - started > DEADLINE_MS) break;
  // Not too often: on the embedded database this count waits for the one connection like the workers do.
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

await workers.stop();
mail.transport?.close();
await database.close();
console.log(
  JSON.stringify({
    engine: engine as MailRunResult["engine"],
    count: total,
    queueSeconds,
    seconds,
    sentRows: sent,
    failedRows: failed,
    startRssMiB: startRss / 2 ** 20,
    peakRssMiB: peakRss / 2 ** 20,
    jobErrors: errors.length,
  } satisfies MailRunResult),
);
