import { expect, type Locator, type Page } from "@playwright/test";

type Role = "mentor" | "mentee";
type Tab = "settings" | "enrolment" | "matching" | "pairs" | "onboarding";

const TAB_NAMES: Record<Tab, RegExp> = {
  settings: /^(Paramètres|Settings)/,
  enrolment: /^(Inscriptions|Enrolment)/,
  matching: /^(Appariement|Matching)/,
  pairs: /^(Binômes|Pairs)/,
  onboarding: /^(Préparation|Onboarding)/,
};

/**
 * A programme manager's journey: create a programme from a template, enrol people, move it through
 * its phases, run the matching, lock / forbid / swap pairs and publish. French labels first
 * (French is the default), English as the alternative.
 */
export class ProgrammePage {
  constructor(private readonly page: Page) {}

  /** Creates a programme from the first template (optionally renamed); returns its id. */
  async createFromTemplate(name?: string): Promise<string> {
    await this.page.goto("/programmes/new");
    await this.page
      .getByRole("button", { name: /Utiliser ce modèle|Use this template/ })
      .first()
      .click();
    const nameField = this.page.getByLabel(/^(Nom du programme|Programme name)/);
    await expect(nameField).not.toHaveValue("");
    if (name) await nameField.fill(name);
    await this.page.getByRole("button", { name: /Créer le programme|Create the programme/ }).click();
    await this.page.waitForURL(/\/programmes\/[0-9a-f-]{36}/);
    return (this.page.url().match(/programmes\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
  }

  async open(id: string, tab?: Tab) {
    await this.page.goto(tab ? `/programmes/${id}?tab=${tab}` : `/programmes/${id}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  async openTab(tab: Tab) {
    await this.page.getByRole("tab", { name: TAB_NAMES[tab] }).click();
  }

  /** The confirm modal of a phase change, then its confirmation (the button and confirm share a label). */
  async changePhase(button: RegExp) {
    await this.page.getByRole("button", { name: button }).first().click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("button", { name: button }).click();
    await expect(dialog).toBeHidden();
  }

  async enrolByIds(role: Role, employeeIds: string[]) {
    await this.openTab("enrolment");
    await this.page.getByRole("button", { name: /Inscrire des personnes|Enrol people/ }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("radio", { name: role === "mentor" ? /^(Mentors)$/ : /^(Mentorés|Mentees)$/ }).check();
    await dialog.getByLabel(/^(Matricules|Employee ids)/).fill(employeeIds.join("\n"));
    await dialog.getByRole("button", { name: /^(Inscrire|Enrol) \d+/ }).click();
    await expect(dialog).toBeHidden();
  }

  board(): Locator {
    return this.page.getByRole("table", { name: /Personnes inscrites|People enrolled/ });
  }

  async runMatching() {
    await this.openTab("matching");
    await this.page.getByRole("button", { name: /Lancer l’appariement|Run the matching/ }).click();
    await expect(this.review()).toBeVisible();
  }

  review(): Locator {
    return this.page.getByRole("table", { name: /Binômes du calcul|Pairs of the run/ });
  }

  runs(): Locator {
    return this.page.getByRole("table", { name: /Comparaison des calculs|Comparison of the runs/ });
  }

  /** The review row of a mentee (by name). */
  pairRow(mentee: string): Locator {
    return this.review().getByRole("row").filter({ hasText: mentee });
  }

  async lock(mentee: string) {
    await this.pairRow(mentee)
      .getByRole("button", { name: /^(Verrouiller|Lock) / })
      .click();
  }

  async forbid(mentee: string) {
    await this.pairRow(mentee)
      .getByRole("button", { name: /^(Interdire|Forbid) / })
      .click();
  }

  async swap(menteeA: string, menteeB: string) {
    await this.pairRow(menteeA).getByRole("checkbox").check();
    await this.pairRow(menteeB).getByRole("checkbox").check();
    await this.page.getByRole("button", { name: /Échanger les mentors|Swap mentors/ }).click();
  }

  async publish() {
    await this.page.getByRole("button", { name: /^(Publier le calcul|Publish run)/ }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("button", { name: /^(Publier|Publish)$/ }).click();
    await expect(dialog).toBeHidden();
  }
}
