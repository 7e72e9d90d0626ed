import { expect, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { AppHeader, LoginPage } from "./pages/login-page.ts";
import { ProfilePage } from "./pages/profile-page.ts";

const JUNIOR = { email: "yanis.belkacem@demo.passerelle.fr", name: "Yanis Belkacem", password: "passerelle-demo" };

test("a mentor fills their profile and self-assessment in French, then sees the same data in English", async ({ page }) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(JUNIOR.email, JUNIOR.password);
  await expect(page.getByRole("button", { name: JUNIOR.name })).toBeVisible();

  // Yanis is a mentor: his wizard asks what he teaches and what he wants to learn in return, not what he offers in return.
  const profile = new ProfilePage(page);
  await profile.open("teach");
  await expect(page.getByRole("button", { name: "Ce que j’apporte en retour" })).toHaveCount(0);
  // Teach: free text "chatgpt" finds the AI assistants skill.
  await profile.addSkillBySearch("chatgpt", /Assistants IA et art du prompt/);
  await page.getByRole("button", { name: /^Suivant$/ }).click();
  // Learn in return: "présenter au comex" finds executive communication. Wait for the step: the previous step's search
  // box has the same name, and text typed into it before the switch is lost (seen once in CI).
  await expect(page.getByRole("heading", { level: 2, name: "Ce que je veux apprendre en retour" })).toBeVisible();
  await profile.addSkillBySearch("présenter au comex", /Communiquer avec la direction/);
  await page.getByRole("button", { name: /^Suivant$/ }).click();
  await page.getByRole("checkbox", { name: "Mardi midi" }).check();
  await page.getByLabel("Ce que j’espère en retirer").fill("Apprendre à présenter mes analyses au comité de direction.");
  await page.getByRole("button", { name: /^Suivant$/ }).click();
  await expect(page.getByText("Assistants IA et art du prompt").first()).toBeVisible();
  await expect(page.getByText("Communiquer avec la direction").first()).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(page.getByText(/enregistré/i).first()).toBeVisible();
  await checkpoint(page, "10-profile-fr");

  // A new self-assessment snapshot, answered in French.
  await page.goto("/self-assessment");
  await page
    .getByRole("button", { name: /Refaire mon autoévaluation|Commencer/ })
    .first()
    .click();
  const questions = page.getByRole("radiogroup", { name: /Où en êtes-vous avec|Quelle maîtrise avez-vous de/ });
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let i = 0; i < count; i++) await questions.nth(i).getByRole("radio", { name: /^3 · / }).check();
  await page.getByRole("button", { name: "Enregistrer mon autoévaluation" }).click();
  await expect(page.getByRole("heading", { name: "Mes résultats par catégorie" })).toBeVisible();
  await checkpoint(page, "11-self-assessment-fr");

  // The same data, in English.
  await new AppHeader(page).switchLanguage("EN");
  await expect(page.getByRole("heading", { name: "My results by category" })).toBeVisible();
  await checkpoint(page, "12-self-assessment-en");
  await profile.open("summary");
  await expect(page.getByText("AI assistants and prompting").first()).toBeVisible();
  await expect(page.getByText("Executive communication").first()).toBeVisible();
  await expect(page.getByText("Apprendre à présenter mes analyses au comité de direction.")).toBeVisible();
  await checkpoint(page, "13-profile-en");
});
