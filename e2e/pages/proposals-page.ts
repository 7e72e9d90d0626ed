import { expect, type Page } from "@playwright/test";

/** A programme's mentors (mentee side) and the proposals page (both sides), French labels first. */
export class ProposalsPage {
  constructor(private readonly page: Page) {}

  async openMentors(programmeId: string) {
    await this.page.goto(`/programmes/${programmeId}/mentors`);
    await expect(this.page.getByRole("heading", { level: 1, name: /Trouver mon mentor|Find my mentor/ })).toBeVisible();
  }

  /** Sends a proposal to the mentor named `mentorName` from the mentors page. */
  async propose(mentorName: string, goals: string, offer: string) {
    await this.page.getByRole("searchbox", { name: /^(Nom|Name)$/ }).fill(mentorName);
    await this.page.getByRole("button", { name: new RegExp(`(Proposer à|Ask) ${mentorName}`) }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel(/Ce que j’aimerais apprendre|What I would like to learn/).fill(goals);
    await dialog.getByLabel(/Ce que je propose en retour|What I offer in return/).fill(offer);
    await dialog.getByRole("button", { name: /Envoyer la proposition|Send the proposal/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** The "x / 3 proposals waiting" counter of the mentors page. */
  waitingCounter() {
    return this.page.getByText(/\d+ \/ 3 (propositions en attente|proposals waiting)/);
  }

  async open(tab: "received" | "sent" = "received") {
    await this.page.goto(`/proposals?tab=${tab}`);
    await expect(this.page.getByRole("heading", { level: 1, name: /Propositions|Proposals/ })).toBeVisible();
  }

  /** As the mentor: accepts the proposal from `menteeName`. */
  async accept(menteeName: string) {
    await this.page
      .getByRole("button", { name: new RegExp(`(Accepter la proposition de|Accept the proposal from) ${menteeName}`) })
      .click();
    await expect(this.page.getByRole("row", { name: new RegExp(menteeName) }).getByText(/^(Acceptée|Accepted)$/)).toBeVisible();
  }

  /** As the mentor: declines the proposal from `menteeName`, with an optional message the mentee will read. */
  async decline(menteeName: string, reason = "") {
    await this.page
      .getByRole("row", { name: new RegExp(menteeName) })
      .getByRole("button", { name: /^(Décliner|Decline)$/ })
      .click();
    const dialog = this.page.getByRole("dialog");
    if (reason) await dialog.getByRole("textbox").fill(reason);
    await dialog.getByRole("button", { name: /^(Décliner|Decline)$/ }).click();
    await expect(dialog).toBeHidden();
  }
}
