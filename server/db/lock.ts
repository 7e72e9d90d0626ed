import fs from "node:fs";
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

/**
 * PGlite has no lock of its own: two processes on one data directory would silently lose writes.
 * Takes an exclusive lock (`<dir>/passerelle.lock`, a directory created atomically and refreshed
 * every few seconds, so a crashed process's lock goes stale after 10 s). Creates the directory
 * and its parents when missing. Returns the function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<{ lockPath: string; release: () => Promise<void> }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "passerelle.lock");
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: lockPath,
      stale: 10_000,
      realpath: false,
      onCompromised: (err) => {
        // Another process took the directory: stop writing at once rather than corrupt it.
        console.error(`Lost the lock on ${lockPath}: ${err.message}`);
        process.exit(1);
      },
    });
    return { lockPath, release };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirLockedError(lockPath);
    throw err;
  }
}
