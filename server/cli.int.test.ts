import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateHrRows, toCsv } from "./modules/people/hr-file-generator.ts";
import { isPostgresRun } from "./test/test-database.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function passerelle(args: string[], input = "", lang = "en_GB.UTF-8") {
  // The CLI must use the embedded database here, whatever the caller's environment says.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PASSERELLE_DATA_DIR: dataDir,
    DATABASE_URL: "",
    LANG: lang,
    LC_ALL: "",
    LC_MESSAGES: "",
  };
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

  it("imports people: --json lists refused rows and exits non-zero; a dry run changes nothing; a second import changes nothing", () => {
    const rows = generateHrRows(30);
    const bad = rows.map((r) => [...r]);
    (bad[3] as string[])[3] = "not-an-email";
    const badFile = path.join(dataDir, "bad.csv");
    fs.writeFileSync(badFile, toCsv(bad));
    const refused = passerelle(["import-people", badFile, "--json"]);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({
      created: 29,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      rejected: [{ line: 5, column: "Email", reason: "Invalid email address: “not-an-email”." }],
    });

    const goodFile = path.join(dataDir, "good.csv");
    fs.writeFileSync(goodFile, toCsv(rows));
    const dryRun = passerelle(["import-people", goodFile, "--dry-run"], "", "fr_FR.UTF-8");
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain("Simulation (rien n’a changé) : 30 à créer");
    expect(JSON.parse(passerelle(["import-people", goodFile, "--json"]).stdout)).toEqual({
      created: 30,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      rejected: [],
    });
    expect(JSON.parse(passerelle(["import-people", goodFile, "--json"]).stdout)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 30,
      deactivated: 0,
      rejected: [],
    });
  });
});
