import { expect, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { AppHeader, LoginPage } from "./pages/login-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const ADMIN = { email: "loic.kerbrat@demo.passerelle.fr", name: "Loïc Kerbrat" };

test("the admin reads the demo's outbox: the emails kept without an SMTP server, one invitation's preview and text", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(ADMIN.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: ADMIN.name })).toBeVisible();
  // The admin's language is their account's: another journey may have left it in English.
  await new AppHeader(page).switchLanguage("FR");

  await page.getByRole("group", { name: "Gestion" }).getByRole("link", { name: "Courriels" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Courriels");
  await expect(page.getByText(/Aucun serveur SMTP n’est configuré : les courriels restent ici/)).toBeVisible();
  const table = page.getByRole("table", { name: "Courriels" });
  // The seed's invitations and notifications, all kept here.
  await expect(table.getByRole("row").nth(10)).toBeVisible();
  await expect(table.getByText("Gardé ici").first()).toBeVisible();
  await checkpoint(page, "outbox-01-list");

  // Only the invitations: the filter goes into the address and the list.
  await page.getByRole("combobox", { name: "État" }).click();
  await page.getByRole("option", { name: "Gardé ici" }).click();
  await expect(page).toHaveURL(/status=outbox/);
  const invitation = table.getByRole("row").filter({ hasText: "Invitation" }).first();
  await expect(invitation).toBeVisible();
  await invitation.getByRole("button").click();

  const drawer = page.getByRole("dialog");
  await expect(drawer.getByText("Passerelle <passerelle@")).toBeVisible();
  // The HTML preview is a sandboxed frame: no script runs in it, axe's included, so it gets a screenshot, not a checkpoint.
  await expect(drawer.getByTitle(/^Aperçu du courriel « .*Maison Verdier/)).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/outbox-02-message-preview.png", fullPage: true });

  await drawer.getByRole("tab", { name: "Texte" }).click();
  await expect(drawer.getByText(/\/invitation\/[\w-]{20,}/)).toBeVisible();
  // Who invites, and until when, in the invited person's language (the newest invitation may be another
  // journey's: to no programme, in English).
  await expect(drawer.getByText(/vous invite à rejoindre|invites you to join/)).toBeVisible();
  await expect(drawer.getByText(/Ce lien personnel est valable jusqu’au|This personal link is valid until/)).toBeVisible();
  await checkpoint(page, "outbox-03-message-text");

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.getByRole("tab", { name: "Tâches en échec" }).click();
  await expect(page.getByRole("table", { name: "Tâches en échec" })).toContainText("Aucune tâche en échec.");
  await checkpoint(page, "outbox-04-failed-jobs");
});
