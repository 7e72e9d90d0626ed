import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-lock-unit-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("creates the directory with its parents and refuses a second holder, naming the lock", async () => {
    const dir = path.join(tempDir(), "a", "b");
    const first = await lockDataDir(dir);
    expect(first.lockPath).toBe(path.join(dir, "passerelle.lock"));
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir)).rejects.toThrow(path.join(dir, "passerelle.lock"));
    await first.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it("takes over at once a lock left by a process that no longer exists", async () => {
    const dir = tempDir();
    const lockPath = path.join(dir, "passerelle.lock");
    fs.mkdirSync(lockPath);
    // A pid above the kernel's maximum cannot be alive.
    fs.writeFileSync(`${lockPath}.owner.json`, JSON.stringify({ pid: 2 ** 22 + 1, hostname: os.hostname() }));
    const lock = await lockDataDir(dir);
    await lock.release();
  });

  it("respects a fresh lock of another machine", async () => {
    const dir = tempDir();
    const lockPath = path.join(dir, "passerelle.lock");
    fs.mkdirSync(lockPath);
    fs.writeFileSync(`${lockPath}.owner.json`, JSON.stringify({ pid: 1, hostname: "another-host" }));
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirLockedError);
  });
});
