import { type Browser, expect, type Page, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { LoginPage } from "./pages/login-page.ts";
import { ProposalsPage } from "./pages/proposals-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const JEAN_PIERRE = { email: "jean-pierre.le-floch@demo.passerelle.fr", name: "Jean-Pierre Le Floch" };
const INES = { email: "ines.haddad@demo.passerelle.fr", name: "Inès Haddad" };
const NOEMIE = "Noémie Ferreira";
// The demo's second programme, in the matching phase, takes self-service proposals.
const PROGRAMME = "Mentorat inversé — déploiement 2027";

async function logIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: /Notifications/ })).toBeVisible();
  return page;
}

test("a mentee sends two proposals; one mentor accepts; the other proposal shows as withdrawn", async ({ browser }) => {
  const page = await logIn(browser, JEAN_PIERRE.email);
  await expect(page.getByRole("row", { name: PROGRAMME })).toBeVisible();
  await checkpoint(page, "proposals-00-home");
  await page.goto("/programmes");
  await page.getByRole("link", { name: PROGRAMME }).first().click();
  await page.getByRole("link", { name: /Trouver un mentor|Find a mentor/ }).click();
  const programmeId = (page.url().match(/programmes\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;

  const proposals = new ProposalsPage(page);
  await proposals.openMentors(programmeId);
  await proposals.propose(
    INES.name,
    "Construire mes tableaux de bord de production dans Power BI",
    "Vous montrer comment se prépare un comité de direction",
  );
  await proposals.propose(NOEMIE, "Automatiser le suivi des arrêts de ligne", "Vous présenter les équipes de l’usine et leurs métiers");
  await expect(proposals.waitingCounter()).toContainText("2 / 3");
  await checkpoint(page, "proposals-01-mentors");

  // Inès accepts from her proposals page.
  const ines = await logIn(browser, INES.email);
  await expect(ines.getByRole("button", { name: /Notifications/ })).toHaveAccessibleName(/\d+ (non lues?|unread)/);
  const inesProposals = new ProposalsPage(ines);
  await inesProposals.open("received");
  await inesProposals.accept(JEAN_PIERRE.name);
  await checkpoint(ines, "proposals-02-accepted");

  // Jean-Pierre's proposal to Noémie was withdrawn by the acceptance.
  await proposals.open("sent");
  const toNoemie = page.getByRole("row", { name: new RegExp(NOEMIE) });
  await expect(toNoemie.getByText(/^(Retirée|Withdrawn)$/)).toBeVisible();
  const toInes = page.getByRole("row", { name: new RegExp(INES.name) });
  await expect(toInes.getByText(/^(Acceptée|Accepted)$/)).toBeVisible();
  await checkpoint(page, "proposals-03-withdrawn");

  // And the pair is there, in intro, for both of them.
  await page.goto("/pairs");
  await expect(page.getByRole("link", { name: new RegExp(INES.name) }).first()).toBeVisible();
});
