import { type Browser, expect, type Page, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { LoginPage } from "./pages/login-page.ts";
import { PairPage } from "./pages/pair-page.ts";
import { ProgrammePage } from "./pages/programme-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const HR = "karima.benaissa@demo.passerelle.fr";
const INES = { email: "ines.haddad@demo.passerelle.fr", name: "Inès Haddad" };
const BRIGITTE = { email: "brigitte.hennebert@demo.passerelle.fr", name: "Brigitte Hennebert" };
const MARTINE = "Martine Lecœur";
// Ten juniors and ten seniors of the demo directory, with the junior and senior demo accounts among them.
const MENTORS = ["E00038", "E00015", "E00027", "E00039", "E00062", "E00066", "E00069", "E00072", "E00073", "E00078"];
const MENTEES = ["E00012", "E00042", "E00064", "E00082", "E00055", "E00065", "E00067", "E00070", "E00075", "E00077"];

async function logIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: /Notifications/ })).toBeVisible();
  return page;
}

test("a manager runs a pilot from the template to published pairs; a mentor and a mentee confirm their intro", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await logIn(browser, HR);
  // The home page shows the demo's two programmes.
  await expect(page.getByRole("row", { name: "Pilote mentorat inversé 2026" })).toBeVisible();
  await checkpoint(page, "programme-00-home");
  const programme = new ProgrammePage(page);

  const id = await programme.createFromTemplate("Pilote e2e — communication et ventes");
  await programme.enrolByIds("mentor", MENTORS);
  await programme.enrolByIds("mentee", MENTEES);
  await expect(programme.board().getByRole("row")).toHaveCount(21);
  await checkpoint(page, "programme-01-enrolment");
  await programme.changePhase(/^Ouvrir les inscriptions/);
  await programme.changePhase(/^Passer à l’appariement/);

  await programme.runMatching();
  await expect(programme.review().getByRole("row")).not.toHaveCount(1);
  await checkpoint(page, "programme-02-first-run");

  // The demo is the same at every start: the engine pairs Brigitte with Inès, and Martine with Marine Boucher.
  await expect(programme.pairRow(BRIGITTE.name)).toContainText(INES.name);
  await expect(programme.pairRow(MARTINE)).toContainText("Marine Boucher");

  // Lock one pair, forbid another, and run again: the lock holds, the forbidden pair is gone.
  await programme.lock(BRIGITTE.name);
  await programme.forbid(MARTINE);
  const runsBefore = await programme.runs().getByRole("row").count();
  await page.getByRole("button", { name: /^(Lancer l’appariement|Run the matching)/ }).click();
  await expect(programme.runs().getByRole("row")).toHaveCount(runsBefore + 1);
  await expect(programme.pairRow(BRIGITTE.name)).toContainText(INES.name);
  await expect(programme.pairRow(BRIGITTE.name)).toContainText(/Verrouillé|Locked/);
  await expect(programme.review()).toContainText(MARTINE);
  await expect(programme.pairRow(MARTINE)).not.toContainText("Marine Boucher");
  await checkpoint(page, "programme-03-rerun");

  await programme.publish();
  await expect(page.getByText(/binômes? créés?|pairs? created/).first()).toBeVisible();
  await checkpoint(page, "programme-04-published");

  // Brigitte schedules the intro coffee and says yes; Inès says yes: the pair is active.
  const brigitte = await logIn(browser, BRIGITTE.email);
  const brigittePair = new PairPage(brigitte);
  await brigittePair.open(INES.name);
  await brigittePair.scheduleIntro("Café du 2e étage");
  await brigittePair.confirmIntro();
  const ines = await logIn(browser, INES.email);
  const inesPair = new PairPage(ines);
  await inesPair.open(BRIGITTE.name);
  await inesPair.confirmIntro();
  await expect(ines.getByText(/binôme est lancé|up and running/).first()).toBeVisible();
  await checkpoint(ines, "programme-05-active-pair");

  // The manager sees the pair active.
  await programme.open(id, "pairs");
  await expect(page.getByRole("row").filter({ hasText: BRIGITTE.name })).toContainText(/En cours|Active/);
});
