import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPostgresRun } from "./test/test-database.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function passerelle(args: string[], input = "") {
  // The CLI must use the embedded database here, whatever the caller's environment says.
  const env: NodeJS.ProcessEnv = { ...process.env, PASSERELLE_DATA_DIR: dataDir, DATABASE_URL: "" };
  return spawnSync(process.execPath, ["bin/passerelle.mjs", ...args], { env, input, encoding: "utf8", timeout: 30_000 });
}

describe.skipIf(isPostgresRun())("passerelle CLI", () => {
  it("lists its commands", () => {
    const help = passerelle(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/migrate[\s\S]*create-admin/);
  });

  it("migrates, then creates an administrator with a password read from stdin, refusing a short one", () => {
    expect(passerelle(["migrate"]).stdout).toContain("Database is up to date");
    const refused = passerelle(["create-admin", "--email", "dpo@example.fr", "--password-stdin"], "trop court\n");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("password: The password must be at least 12 characters long.");
    const created = passerelle(
      ["create-admin", "--email", "DPO@example.fr", "--name", "Déléguée", "--password-stdin"],
      "une phrase longue et sûre\n",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("Administrator ready: dpo@example.fr");
  });
});
