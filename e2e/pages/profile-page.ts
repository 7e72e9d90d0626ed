import { expect, type Page } from "@playwright/test";

/** The participant's profile wizard. */
export class ProfilePage {
  constructor(private readonly page: Page) {}

  /** Opens the wizard, at a step by name ("teach", "learn", "offer", "practical", "summary") or at the first of the person's. */
  async open(step?: string) {
    await this.page.goto(step === undefined ? "/profile" : `/profile?step=${step}`);
  }

  /** Finds a skill through the free-text search and picks the first suggestion. */
  async addSkillBySearch(text: string, suggestion: RegExp | string) {
    await this.page.getByRole("searchbox", { name: /Rechercher une compétence|Search for a skill/ }).fill(text);
    await this.page.getByRole("option", { name: suggestion }).first().click();
  }

  async save() {
    await this.page
      .getByRole("button", { name: /^(Enregistrer|Save)/ })
      .first()
      .click();
    await expect(this.page.getByText(/enregistré|saved/i).first()).toBeVisible();
  }
}
