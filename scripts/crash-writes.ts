/**
 * SIGKILL in the middle of a burst of writes: not one acknowledged write may be lost.
 *
 *   npx tsx scripts/crash-writes.ts --db pglite|postgres [--writes 200] [--concurrency 16]
 *
 * Starts the real server (server/main.ts) on a fresh embedded data directory, or on a fresh
 * PostgreSQL database (created on --postgres-url, dropped after), logs in as the administrator it
 * creates at start, fires invitations (POST /api/admin/invitations, each a transaction answered 201)
 * a few at a time, kills the server with SIGKILL once half of them are acknowledged, starts it again
 * on the same data and checks that every invitation answered 201 is there: its account in the list
 * and its link still valid. Prints "acknowledged N, lost M"; exits 1 on any loss or when the
 * restart fails (a stale lock, a database that does not recover).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { HttpSession } from "../server/test/http-session.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The administrator the server creates at its first start (PASSERELLE_ADMIN_EMAIL / _PASSWORD). */
export const ADMIN = { email: "crash-admin@exemple.fr", password: "une phrase de passe pour le crash" };
const START_TIMEOUT_MS = 120_000;
/** Ports for servers started by tests and scripts: away from 3000/3100, which developers use. */
const PORTS = { from: 41_000, to: 41_999 };

export type CrashOptions = {
  db: "pglite" | "postgres";
  /** Invitations fired in all. */
  writes: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The server is killed once this many writes are acknowledged (default: half). */
  killAfter?: number;
  /** Where to create (and drop) the PostgreSQL database. */
  postgresUrl?: string;
  log?: (line: string) => void;
};

export type CrashResult = {
  acknowledged: number;
  /** Emails of acknowledged invitations missing after the restart. */
  lost: string[];
  /** Requests that got no answer (cut by the kill): they may or may not have been written. */
  unanswered: number;
  /** Requests answered with something else than 201 before the kill. */
  refused: string[];
};

/** A port of 41000–41999 nobody listens on right now (tried at random, so that parallel runs rarely meet). */
export async function freePort(): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORTS.from + Math.floor(Math.random() * (PORTS.to - PORTS.from + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${PORTS.from}-${PORTS.to}`);
}

/** A server started as a child process (server/main.ts through tsx): its output so far, and its exit. */
export type ServerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts the real server in a child process with `env` added to this one's. */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until /healthz answers 200; throws with the server's output when it exits first or takes too long. */
export async function waitReady(server: ServerProcess, baseUrl: string, what: string): Promise<void> {
  let hasExited = false;
  void server.exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`${what}: the server exited (code ${server.child.exitCode}):\n${server.output().trim()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not ready after ${START_TIMEOUT_MS / 1000} s:\n${server.output().trim()}`);
}

/** Where a started server keeps its data: the environment that says so, what to say of it, how to drop it. */
export type Target = {
  env: Record<string, string>;
  cleanup: () => Promise<void>;
  describe: string;
  /** The embedded database's data directory, or the PostgreSQL database's URL: to look at it once the server stopped. */
  dataDir?: string;
  databaseUrl?: string;
};

/** A fresh embedded data directory, or a fresh PostgreSQL database created on `postgresUrl` (both dropped by `cleanup`). */
export async function prepareTarget(options: Pick<CrashOptions, "db" | "postgresUrl">): Promise<Target> {
  if (options.db === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-crash-"));
    return {
      // An empty DATABASE_URL counts as unset: the embedded database, whatever the caller's environment says.
      env: { PASSERELLE_DATA_DIR: dataDir, DATABASE_URL: "" },
      dataDir,
      describe: `embedded database in ${dataDir}`,
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = options.postgresUrl ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `passerelle_crash_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    databaseUrl: url.toString(),
    describe: `PostgreSQL database ${name}`,
    cleanup: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The environment of a server on `target` listening on 127.0.0.1:`port`, with ADMIN as its first administrator. */
export function serverEnv(target: Target, port: number): { env: Record<string, string>; baseUrl: string } {
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    env: {
      ...target.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PASSERELLE_PUBLIC_URL: baseUrl,
      PASSERELLE_ADMIN_EMAIL: ADMIN.email,
      PASSERELLE_ADMIN_PASSWORD: ADMIN.password,
    },
  };
}

/** Stops a started server (SIGTERM, then SIGKILL after 10 s) and waits for its exit. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await server.exited;
  clearTimeout(timer);
}

/** Runs the burst, the SIGKILL, the restart and the check; throws when a server does not start. */
export async function crashWrites(options: CrashOptions): Promise<CrashResult> {
  const log = options.log ?? (() => {});
  const killAfter = options.killAfter ?? Math.floor(options.writes / 2);
  const target = await prepareTarget(options);
  let server: ServerProcess | undefined;
  try {
    const { env, baseUrl } = serverEnv(target, await freePort());
    log(`starting the server on the ${target.describe}`);
    server = spawnServer(env);
    await waitReady(server, baseUrl, "first start");
    const session = new HttpSession(baseUrl);
    await session.login(ADMIN.email, ADMIN.password);

    const acknowledged = new Map<string, string>();
    const refused: string[] = [];
    let unanswered = 0;
    let next = 0;
    const running = server;
    let isKilled = false;
    const kill = () => {
      if (isKilled) return;
      isKilled = true;
      log(`${acknowledged.size} writes acknowledged: SIGKILL`);
      running.child.kill("SIGKILL");
    };
    const worker = async () => {
      while (next < options.writes) {
        const n = next++;
        const email = `crash-${n}@exemple.fr`;
        try {
          const response = await session.send("POST", "/api/admin/invitations", {
            email,
            displayName: `Personne ${n}`,
            roles: ["participant"],
          });
          const text = await response.text();
          if (response.status === 201) {
            acknowledged.set(email, (JSON.parse(text) as { link: string }).link.split("/").pop() as string);
            if (acknowledged.size >= killAfter) kill();
          } else if (!isKilled) refused.push(`${email}: ${response.status} ${text.slice(0, 200)}`);
        } catch {
          // Cut by the kill: no answer, so no promise was made.
          unanswered++;
        }
      }
    };
    // The workers run on against the dead server (refused connections) until every write was tried.
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    kill();
    await running.exited;

    log(`restarting on the same data (${acknowledged.size} acknowledged, ${unanswered} unanswered)`);
    server = spawnServer(env);
    await waitReady(server, baseUrl, "restart after SIGKILL");
    for (const line of server.output().split("\n")) if (/lock/i.test(line)) log(`server: ${line.trim()}`);
    const after = new HttpSession(baseUrl);
    await after.login(ADMIN.email, ADMIN.password);

    const present = new Set<string>();
    for (let page = 1; ; page++) {
      const response = await after.send("GET", `/api/admin/accounts?q=crash-&pageSize=100&page=${page}`);
      const body = (await response.json()) as { items: { email: string }[]; total: number };
      for (const account of body.items) present.add(account.email);
      if (page * 100 >= body.total) break;
    }
    const lost: string[] = [];
    for (const [email, token] of acknowledged) {
      if (!present.has(email)) {
        lost.push(email);
        continue;
      }
      const preview = await after.send("GET", `/api/invitations/${token}`);
      if (preview.status !== 200) lost.push(`${email} (its link answers ${preview.status})`);
    }
    return { acknowledged: acknowledged.size, lost, unanswered, refused };
  } finally {
    await stopServer(server);
    await target.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "pglite" },
      writes: { type: "string", default: "200" },
      concurrency: { type: "string", default: "16" },
      "postgres-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  if (values.db !== "pglite" && values.db !== "postgres") {
    console.error("--db must be pglite or postgres");
    process.exit(2);
  }
  crashWrites({
    db: values.db,
    writes: Number(values.writes),
    concurrency: Number(values.concurrency),
    postgresUrl: values["postgres-url"],
    log: (line) => console.log(line),
  })
    .then((result) => {
      if (result.refused.length) console.log(`refused before the kill:\n  ${result.refused.join("\n  ")}`);
      console.log(`acknowledged ${result.acknowledged}, lost ${result.lost.length}`);
      if (result.lost.length) console.log(`lost:\n  ${result.lost.join("\n  ")}`);
      process.exit(result.lost.length || result.refused.length ? 1 : 0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
