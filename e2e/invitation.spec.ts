import { expect, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { AppHeader, LoginPage } from "./pages/login-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const ADMIN = { email: "loic.kerbrat@demo.passerelle.fr", name: "Loïc Kerbrat" };

test("an admin switches language, invites someone who activates their account, logs in and out", async ({ page, browser }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  const login = new LoginPage(page);
  await login.open();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await checkpoint(page, "01-login-fr");
  await login.logIn(ADMIN.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: ADMIN.name })).toBeVisible();

  const header = new AppHeader(page);
  await header.switchLanguage("EN");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Directory", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("People");
  await checkpoint(page, "02-people-en");

  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Camille Nouvelle");
  await dialog.getByLabel("Email").fill("camille.nouvelle@demo.passerelle.fr");
  await dialog.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invitation\/[\w-]{40,}$/);
  await checkpoint(page, "03-invitation-link");
  await page.getByRole("button", { name: "Done" }).click();

  // The directory finds people by name, accents and ligatures included.
  await page.getByRole("tab", { name: "Directory" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill("Lecœur");
  await expect(page.getByRole("table", { name: "Directory" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table", { name: "Directory" })).toContainText("Martine Lecœur");

  // The invited person opens the link in a browser of their own.
  const theirContext = await browser.newContext();
  const them = await theirContext.newPage();
  await them.goto(link);
  await expect(them.getByLabel(/^(Nom|Name)$/)).toHaveValue("Camille Nouvelle");
  await them.getByLabel(/^(Mot de passe|Password)$/).fill("mon nouveau départ chez Verdier");
  await them.getByLabel(/Confirmer le mot de passe|Confirm password/).fill("mon nouveau départ chez Verdier");
  await them.getByRole("button", { name: /Activer mon compte|Activate my account/ }).click();
  await expect(them.getByRole("button", { name: "Camille Nouvelle" })).toBeVisible();
  await checkpoint(them, "04-invited-home");

  const theirHeader = new AppHeader(them);
  await theirHeader.logOut("Camille Nouvelle");
  const theirLogin = new LoginPage(them);
  await expect(them.getByRole("button", { name: /Se connecter|Log in/ })).toBeVisible();
  await theirLogin.logIn("camille.nouvelle@demo.passerelle.fr", "mon nouveau départ chez Verdier");
  await expect(them.getByRole("button", { name: "Camille Nouvelle" })).toBeVisible();
  await theirHeader.logOut("Camille Nouvelle");
  await expect(them.getByRole("button", { name: /Se connecter|Log in/ })).toBeVisible();
  await checkpoint(them, "05-logged-out");
  await theirContext.close();

  expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
});
