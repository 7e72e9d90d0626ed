import { expect, type Page } from "@playwright/test";

/** The login page, in either language (French labels first: French is the default). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/login");
    await expect(this.page.getByRole("button", { name: /Se connecter|Log in/ })).toBeVisible();
  }

  async logIn(email: string, password: string) {
    await this.page.getByLabel(/Adresse e-mail|Email/).fill(email);
    await this.page.getByLabel(/^(Mot de passe|Password)/).fill(password);
    await this.page.getByRole("button", { name: /Se connecter|Log in/ }).click();
  }
}

/** The header of every page once logged in: language switch and user menu. */
export class AppHeader {
  constructor(private readonly page: Page) {}

  async switchLanguage(code: "FR" | "EN") {
    await this.page
      .getByRole("radiogroup", { name: /Langue|Language/ })
      .getByText(code, { exact: true })
      .click();
  }

  async logOut(displayName: string) {
    await this.page.getByRole("button", { name: displayName }).click();
    await this.page.getByRole("menuitem", { name: /Se déconnecter|Log out/ }).click();
  }
}
