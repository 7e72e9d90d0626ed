import { expect, type Page } from "@playwright/test";

/** "My pairs" and one pair's page: schedule the intro coffee, answer after it (French labels first). */
export class PairPage {
  constructor(private readonly page: Page) {}

  /** Opens my pairs, then the pair with `partnerName`. */
  async open(partnerName: string) {
    await this.page.goto("/pairs");
    await this.page.getByRole("link", { name: new RegExp(`(Ouvrir le binôme avec|Open the pair with) ${partnerName}`) }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(partnerName) })).toBeVisible();
  }

  /** Schedules (or moves) the intro coffee at the first time the app proposes, at `place`. */
  async scheduleIntro(place: string) {
    const move = this.page.getByRole("button", { name: /^(Déplacer le café|Move the coffee)$/ });
    if (await move.isVisible()) await move.click();
    await this.page
      .getByRole("group", { name: /Moments proposés|Suggested times/ })
      .getByRole("button")
      .first()
      .click();
    await this.page.getByLabel(/Lien de visio ou lieu|Video link or place/).fill(place);
    await this.page.getByRole("button", { name: /Enregistrer le (café|nouveau créneau)|Save the (coffee|new time)/ }).click();
    await expect(this.page.getByText(/^(Prévu le|Planned for) /)).toBeVisible();
  }

  /** "We will work well together". */
  async confirmIntro() {
    await this.page.getByRole("button", { name: /Nous allons bien travailler ensemble|We will work well together/ }).click();
    await expect(
      this.page
        .getByText(/En attente de la réponse de|Waiting for .*answer|Le binôme est lancé|Votre binôme est lancé|up and running/)
        .first(),
    ).toBeVisible();
  }

  /** "This is not the right pair", with an optional reason for the programme managers. */
  async declineIntro(reason = "") {
    await this.page.getByRole("button", { name: /Ce n’est pas le bon binôme|This is not the right pair/ }).click();
    const dialog = this.page.getByRole("dialog");
    if (reason) await dialog.getByRole("textbox").fill(reason);
    await dialog.getByRole("button", { name: /^(Confirmer|Confirm)$/ }).click();
    await expect(this.page.getByText(/Ce n’était pas le bon binôme|This was not the right pair/).first()).toBeVisible();
  }
}
