import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
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

// Each command starts a Node process through tsx (several seconds on a busy machine).
describe.skipIf(isPostgresRun())("passerelle CLI", { timeout: 180_000 }, () => {
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
    // Nothing was written: created/updated/deactivated say so; what the valid rows would do is under would*.
    expect(JSON.parse(refused.stdout)).toEqual({
      isApplied: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      wouldCreate: 29,
      wouldUpdate: 0,
      wouldDeactivate: 0,
      rejected: [{ line: 5, column: "Email", reason: "Invalid email address: “not-an-email”." }],
    });
    expect(passerelle(["import-people", badFile]).stdout).toContain(
      "File refused: 1 row(s) in error, nothing was imported. Without these rows, the import would create 29 person(s), update 0 and deactivate 0.",
    );

    const goodFile = path.join(dataDir, "good.csv");
    fs.writeFileSync(goodFile, toCsv(rows));
    const dryRun = passerelle(["import-people", goodFile, "--dry-run"], "", "fr_FR.UTF-8");
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain(
      "Simulation (rien n’a changé) : l’import créerait 30 personne(s), en mettrait à jour 0 et en désactiverait 0 ; 0 inchangée(s).",
    );
    expect(JSON.parse(passerelle(["import-people", goodFile, "--dry-run", "--json"]).stdout)).toEqual({
      isApplied: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      wouldCreate: 30,
      wouldUpdate: 0,
      wouldDeactivate: 0,
      rejected: [],
    });
    expect(JSON.parse(passerelle(["import-people", goodFile, "--json"]).stdout)).toEqual({
      isApplied: true,
      created: 30,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      wouldCreate: 0,
      wouldUpdate: 0,
      wouldDeactivate: 0,
      rejected: [],
    });
    expect(JSON.parse(passerelle(["import-people", goodFile, "--json"]).stdout)).toEqual({
      isApplied: true,
      created: 0,
      updated: 0,
      unchanged: 30,
      deactivated: 0,
      wouldCreate: 0,
      wouldUpdate: 0,
      wouldDeactivate: 0,
      rejected: [],
    });
  });

  it("refuses a file in an encoding it cannot read, saying what to do", () => {
    const file = path.join(dataDir, "shift-jis.csv");
    fs.writeFileSync(file, iconv.encode("employee_id;last_name;first_name;email\nJ1;山田;太郎;taro@x.jp\n", "Shift_JIS"));
    const result = passerelle(["import-people", file, "--json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "passerelle: This file is not UTF-8, UTF-16 or Windows-1252 (first unreadable character on line 2): in Excel, save it as “CSV UTF-8”.",
    );
  });

  it("refuses a cell PostgreSQL cannot store by its line and column", () => {
    const file = path.join(dataDir, "nul.csv");
    fs.writeFileSync(file, "Matricule;Nom;Prénom;Email\nN1;Du\u0000pont;Léa;nul1@x.fr\nN2;Martin;Jo;nul2@x.fr\n");
    const result = passerelle(["import-people", file, "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      created: 0,
      wouldCreate: 1,
      rejected: [
        {
          line: 2,
          column: "Nom",
          reason: "This cell contains a character that cannot be saved (a null character, U+0000): fix it in the file.",
        },
      ],
    });
  });
});
