/**
 * The embedded database's data directory belongs to one process at a time (ADR 0005).
 *
 * PGlite has no lock of its own: two processes on one directory silently lose writes and corrupt
 * indexes. Ownership is tied to the owner's life, never to a heartbeat:
 * - on Linux, the kernel holds the lock: a Unix socket in the abstract namespace named after the
 *   directory's device and inode. Binding it is atomic, a stopped owner (SIGSTOP, a debugger, a VM
 *   pause) still holds it, and the kernel releases it the instant the owner dies, however it dies;
 * - everywhere, `<dir>/passerelle.lock` names the owner (pid, process start time, host, command).
 *   It is created atomically (link), so it is never read half-written. A file left by a process of
 *   this host that no longer runs (pid gone, or reused by a process started at another time) is
 *   taken over at once, with a log line; a file of another host is never taken over. Its age
 *   plays no part. Where there is no abstract namespace (macOS), this file alone is the lock.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "passerelle.lock";

/** Who holds a data directory, as written in its lock file. */
export type LockOwner = {
  pid: number;
  hostname: string;
  /** The process's start as the system reports it: with the pid, names one process for good. */
  processStart: string | null;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** What holds it, e.g. "server/main.ts" or "bin/passerelle.mjs migrate". */
  command: string;
  /** Unique per lock taken: release removes the file only while it is still this one. */
  nonce: string;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner | undefined,
  ) {
    const who = owner
      ? ` by process ${owner.pid} on ${owner.hostname === os.hostname() ? "this machine" : `host ${owner.hostname}`} (${owner.command}, since ${owner.since})`
      : " by another process";
    const otherHost =
      owner && owner.hostname !== os.hostname()
        ? ` If no Passerelle runs on ${owner.hostname} any more, delete ${lockPath} and start again.`
        : "";
    super(
      `The data directory is in use${who} (lock: ${lockPath}). ` +
        `Stop that process first, or set PASSERELLE_DATA_DIR to another directory.${otherHost}`,
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = { lockPath: string; release: () => Promise<void> };

/** The start of a process, or null when the system cannot tell (then only the pid is compared). */
export function processStartOf(pid: number): string | null {
  try {
    if (process.platform === "linux") {
      // Field 22 of /proc/<pid>/stat, in clock ticks since boot; the fields after the command name (which may hold spaces).
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
      return `${bootId}:${fields[19]}`;
    }
    if (process.platform === "win32") return null;
    const started = execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return started.trim() || null;
  } catch {
    return null;
  }
}

function isPidAlive(pid: number): boolean {
  // 0 and negative numbers name process groups for kill(2), not a process: no owner.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process that wrote a lock file of this host still runs (the same pid and the same start). */
export function isOwnerAlive(owner: Pick<LockOwner, "pid" | "processStart">): boolean {
  if (!isPidAlive(owner.pid)) return false;
  if (owner.processStart === null) return true;
  const start = processStartOf(owner.pid);
  return start === null || start === owner.processStart;
}

function readOwner(lockPath: string): LockOwner | "unreadable" | "absent" {
  try {
    const owner = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.hostname === "string" ? owner : "unreadable";
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : "unreadable";
  }
}

/** The kernel-held half of the lock (Linux): resolves with the bound socket, or undefined when it is held elsewhere. */
function holdKernelLock(dataDir: string): Promise<net.Server | "held" | undefined> {
  if (process.platform !== "linux") return Promise.resolve(undefined);
  const { dev, ino } = fs.statSync(dataDir);
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once("error", (err: NodeJS.ErrnoException) => (err.code === "EADDRINUSE" ? resolve("held") : reject(err)));
    server.listen(`\0passerelle-data-dir:${dev}:${ino}`, () => {
      server.unref();
      resolve(server);
    });
  });
}

const closeServer = (server: net.Server | undefined) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

/** Creates the lock file with its whole content in one step: fails with EEXIST when there is one. */
function createLockFile(lockPath: string, owner: LockOwner): void {
  const draft = `${lockPath}.${owner.nonce}.tmp`;
  fs.writeFileSync(draft, `${JSON.stringify(owner, null, 2)}\n`);
  try {
    fs.linkSync(draft, lockPath);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** The lock of Passerelle 0.1 was a directory (proper-lockfile) with its owner in `<lock>.owner.json`. */
function legacyOwner(lockPath: string): { pid: number; hostname: string } | undefined {
  if (!fs.statSync(lockPath, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  try {
    return JSON.parse(fs.readFileSync(`${lockPath}.owner.json`, "utf8"));
  } catch {
    return { pid: -1, hostname: os.hostname() };
  }
}

/**
 * Takes the data directory for this process, creating it and its parents when missing. Throws
 * DataDirLockedError, naming the lock and its owner, when a live process holds it.
 */
export async function lockDataDir(dataDir: string, options: { log?: (message: string) => void } = {}): Promise<DataDirLock> {
  const log = options.log ?? ((message: string) => console.warn(message));
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const kernelLock = await holdKernelLock(dataDir);
  if (kernelLock === "held") {
    const owner = readOwner(lockPath);
    throw new DataDirLockedError(lockPath, typeof owner === "object" ? owner : undefined);
  }
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    processStart: processStartOf(process.pid),
    since: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((arg) => path.relative(process.cwd(), arg) || arg)
      .join(" "),
    nonce: randomUUID(),
  };
  try {
    let isTaken = false;
    for (let attempt = 0; attempt < 2 && !isTaken; attempt++) {
      try {
        createLockFile(lockPath, me);
        isTaken = true;
        continue;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      // Another process created the file while this one was taking over a dead owner's: it wins.
      if (attempt === 1) break;
      const legacy = legacyOwner(lockPath);
      const owner = legacy ? { ...legacy, processStart: null } : readOwner(lockPath);
      if (owner === "absent") continue;
      if (owner === "unreadable") log(`Taking over ${lockPath}: it names no owner.`);
      else if (owner.hostname !== os.hostname() || isOwnerAlive(owner))
        throw new DataDirLockedError(lockPath, legacy ? undefined : (owner as LockOwner));
      else log(`Taking over ${lockPath}: its owner, process ${owner.pid}, is no longer running.`);
      if (legacy) fs.rmSync(`${lockPath}.owner.json`, { force: true });
      fs.rmSync(lockPath, { recursive: true, force: true });
    }
    if (!isTaken) {
      const owner = readOwner(lockPath);
      throw new DataDirLockedError(lockPath, typeof owner === "object" ? owner : undefined);
    }
  } catch (err) {
    await closeServer(kernelLock);
    throw err;
  }

  let isReleased = false;
  return {
    lockPath,
    async release() {
      if (isReleased) return;
      isReleased = true;
      const owner = readOwner(lockPath);
      if (typeof owner === "object" && owner.nonce === me.nonce) fs.rmSync(lockPath, { force: true });
      await closeServer(kernelLock);
    },
  };
}
