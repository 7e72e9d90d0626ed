import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

export class DataDirLockedError extends Error {
  constructor(readonly lockPath: string) {
    super(
      `The data directory is already in use by another Passerelle process (lock: ${lockPath}). ` +
        "Stop that process first, or set PASSERELLE_DATA_DIR to another directory.",
    );
    this.name = "DataDirLockedError";
  }
}

type Owner = { pid: number; hostname: string };

/** Beside the lock directory, not inside it: proper-lockfile removes the directory with a plain rmdir. */
const ownerFile = (lockPath: string) => `${lockPath}.owner.json`;

function readOwner(lockPath: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(ownerFile(lockPath), "utf8")) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock left by a process of this machine that no longer exists (killed, crashed) can be taken over at once. */
function isLeftByDeadProcess(lockPath: string): boolean {
  const owner = readOwner(lockPath);
  return owner !== undefined && owner.hostname === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
}

/**
 * PGlite has no lock of its own: two processes on one data directory would silently lose writes.
 * Takes an exclusive lock (`<dir>/passerelle.lock`, a directory created atomically and refreshed
 * every 5 s; another machine's lock goes stale after 10 s, a dead local process's at once).
 * Creates the directory and its parents when missing. Returns the function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<{ lockPath: string; release: () => Promise<void> }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "passerelle.lock");
  const take = () =>
    lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: 10_000,
      realpath: false,
      onCompromised: (err) => {
        // Another process took the directory: stop writing at once rather than corrupt it.
        console.error(`Lost the lock on ${lockPath}: ${err.message}`);
        process.exit(1);
      },
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ELOCKED") throw err;
    if (!isLeftByDeadProcess(lockPath)) throw new DataDirLockedError(lockPath);
    fs.rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await take();
    } catch {
      throw new DataDirLockedError(lockPath);
    }
  }
  fs.writeFileSync(ownerFile(lockPath), JSON.stringify({ pid: process.pid, hostname: os.hostname() } satisfies Owner));
  return { lockPath, release };
}
