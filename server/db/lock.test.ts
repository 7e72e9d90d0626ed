import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, isOwnerAlive, LOCK_FILE, type LockOwner, lockDataDir, processStartOf } from "./lock.ts";

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-lock-unit-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const ownerFile = (values: Partial<LockOwner>): string =>
  JSON.stringify({
    pid: 2 ** 22 + 1, // above the kernel's maximum: cannot be alive
    hostname: os.hostname(),
    processStart: null,
    since: "2026-12-01T08:00:00.000Z",
    command: "server/main.ts",
    nonce: "left-over",
    ...values,
  });

/** Another process holding the lock on `dir` (it prints "locked" once it holds it). */
async function holderProcess(dir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(path.join(import.meta.dirname, "lock.ts"))};
await lockDataDir(${JSON.stringify(dir)}); console.log("locked"); process.stdin.resume();`;
  // It lives until killed: its open standard input keeps it waiting.
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  let output = "";
  for await (const chunk of child.stdout as NodeJS.ReadableStream) {
    output += chunk;
    if (output.includes("locked")) break;
  }
  return child;
}

describe("data directory lock", () => {
  it("creates the directory with its parents and refuses a second holder, naming the lock and its owner", async () => {
    const dir = path.join(tempDir(), "a", "b");
    const first = await lockDataDir(dir);
    expect(first.lockPath).toBe(path.join(dir, LOCK_FILE));
    const refusal = lockDataDir(dir);
    await expect(refusal).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir)).rejects.toThrow(`process ${process.pid} on this machine`);
    await expect(lockDataDir(dir)).rejects.toThrow(path.join(dir, LOCK_FILE));
    await first.release();
    expect(fs.existsSync(first.lockPath)).toBe(false);
    const again = await lockDataDir(dir);
    await again.release();
  });

  it("is held by a stopped owner however long it is stopped, and taken over at once when the owner dies", async () => {
    const dir = tempDir();
    const holder = await holderProcess(dir);
    holder.kill("SIGSTOP");
    try {
      // No heartbeat: a stopped owner keeps the directory (proper-lockfile let it go after 10 s).
      await expect(lockDataDir(dir)).rejects.toThrow(`process ${holder.pid} on this machine`);
    } finally {
      holder.kill("SIGCONT");
    }
    holder.kill("SIGKILL");
    await once(holder, "exit");
    const logs: string[] = [];
    const lock = await lockDataDir(dir, { log: (m) => logs.push(m) });
    expect(logs).toEqual([`Taking over ${lock.lockPath}: its owner, process ${holder.pid}, is no longer running.`]);
    expect(JSON.parse(fs.readFileSync(lock.lockPath, "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("takes over a lock file whose pid now belongs to another process (started at another time)", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), ownerFile({ pid: process.ppid, processStart: "boot:1" }));
    const logs: string[] = [];
    const lock = await lockDataDir(dir, { log: (m) => logs.push(m) });
    expect(logs).toHaveLength(1);
    await lock.release();
  });

  it("never takes over the lock of another machine, whatever its age", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), ownerFile({ pid: 1, hostname: "another-host", since: "2020-01-01T00:00:00.000Z" }));
    await expect(lockDataDir(dir)).rejects.toThrow(/host another-host.*If no Passerelle runs on another-host any more, delete/);
  });

  it("takes over the directory lock of the previous version left by a dead process", async () => {
    const dir = tempDir();
    const lockPath = path.join(dir, LOCK_FILE);
    fs.mkdirSync(lockPath);
    fs.writeFileSync(`${lockPath}.owner.json`, JSON.stringify({ pid: 2 ** 22 + 1, hostname: os.hostname() }));
    const lock = await lockDataDir(dir, { log: () => {} });
    expect(fs.statSync(lockPath).isFile()).toBe(true);
    expect(fs.existsSync(`${lockPath}.owner.json`)).toBe(false);
    await lock.release();
  });

  it("takes over a directory lock of the previous version that names no owner at all", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, LOCK_FILE));
    const lock = await lockDataDir(dir, { log: () => {} });
    await lock.release();
  });

  it("tells a live process from a dead one by its pid and its start", () => {
    expect(isOwnerAlive({ pid: process.pid, processStart: processStartOf(process.pid) })).toBe(true);
    expect(isOwnerAlive({ pid: process.pid, processStart: "another start" })).toBe(process.platform === "win32");
    expect(isOwnerAlive({ pid: 2 ** 22 + 1, processStart: null })).toBe(false);
  });
});
