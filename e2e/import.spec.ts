import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { generateHrRows, toCsv } from "../server/modules/people/hr-file-generator.ts";
import { checkpoint } from "./checkpoint.ts";
import { LoginPage } from "./pages/login-page.ts";

const HR = { email: "karima.benaissa@demo.passerelle.fr", password: "passerelle-demo" };

async function upload(page: Page, file: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Fichier de l’export RH" }).click();
  await (await chooser).setFiles(file);
  await page.getByRole("button", { name: "Envoyer et prévisualiser" }).click();
}

test("HR previews an export with bad rows, sees each one, then imports the fixed file with a progress bar", async ({ page }) => {
  const dir = test.info().outputPath();
  fs.mkdirSync(dir, { recursive: true });
  const rows = generateHrRows(300);
  const bad = rows.map((r) => [...r]);
  (bad[9] as string[])[3] = "jean.dupont@@exemple";
  (bad[19] as string[])[7] = "M999999";
  const badFile = path.join(dir, "export-avec-erreurs.csv");
  const goodFile = path.join(dir, "export-corrige.csv");
  fs.writeFileSync(badFile, toCsv(bad));
  fs.writeFileSync(goodFile, toCsv(rows));

  const login = new LoginPage(page);
  await login.open();
  await login.logIn(HR.email, HR.password);
  await page.getByRole("link", { name: "Import RH" }).click();

  await upload(page, badFile);
  const rejected = page.getByRole("table", { name: "Lignes refusées" });
  await expect(rejected).toContainText("Adresse e-mail invalide : « jean.dupont@@exemple ».");
  await expect(rejected).toContainText("Responsable hiérarchique inconnu : aucun matricule M999999");
  await expect(rejected.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Appliquer l’import" })).toBeDisabled();
  await checkpoint(page, "20-import-refused");

  await page.getByRole("button", { name: "Choisir un autre fichier" }).click();
  await upload(page, goodFile);
  await expect(page.getByText("À créer")).toBeVisible();
  await page.getByRole("button", { name: "Appliquer l’import" }).click();
  await expect(page.getByText("Import terminé")).toBeVisible();
  await checkpoint(page, "21-import-applied");
  // The history keeps both files: the refused one never applied, the fixed one applied.
  await page.getByRole("button", { name: "Importer un autre fichier" }).click();
  const history = page.getByRole("table", { name: "Derniers imports" });
  await expect(history.getByRole("row").filter({ hasText: "export-corrige.csv" })).toContainText("Appliqué");
  const refusedRow = history.getByRole("row").filter({ hasText: "export-avec-erreurs.csv" });
  await expect(refusedRow).toContainText("Aperçu, non appliqué");
  await expect(refusedRow).toContainText("2 lignes refusées");
  await expect(refusedRow.getByRole("button", { name: "Voir", exact: true })).toBeVisible();
  await checkpoint(page, "22-import-history");

  await page.goto("/admin/people?tab=directory");
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("M000010");
  await expect(page.getByRole("table", { name: "Annuaire" })).toContainText("Lœuillet");
});
