import { type Browser, expect, type Page, test } from "@playwright/test";
import { checkpoint } from "./checkpoint.ts";
import { LoginPage } from "./pages/login-page.ts";

const DEMO_PASSWORD = "passerelle-demo";
const PHILIPPE = { email: "philippe.garnier@demo.passerelle.fr", name: "Philippe Garnier" };
const HR = "karima.benaissa@demo.passerelle.fr";
const PILOT = "Pilote mentorat inversé 2026";

async function logIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.logIn(email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: /Notifications/ })).toBeVisible();
  return page;
}

/**
 * The pair's workspace, acceptance of issue 13: the demo's pilot pair of Philippe Garnier (senior, mentee) has
 * a session that began an hour ago, not marked yet, its agenda empty (server/demo/demo-workspaces.ts).
 */
test("a pair prepares its session, holds it, writes notes and updates goals; the manager sees it held, never its notes", async ({
  browser,
}) => {
  // Philippe opens his pair: his partner, how to reach them, the sessions, the goals.
  const senior = await logIn(browser, PHILIPPE.email);
  // His pilot pair (another journey may have given him a pair of its own programme since).
  const myPairs = (await (await senior.request.get("/api/me/pairs")).json()).items as {
    id: string;
    state: string;
    programme: { name: string };
  }[];
  const pilotPair = myPairs.find((p) => p.programme.name === PILOT && p.state === "active");
  if (!pilotPair) throw new Error("Philippe has no active pair in the pilot");
  const pairId = pilotPair.id;
  await senior.goto("/pairs");
  await senior
    .getByRole("link", { name: /Ouvrir le binôme avec/ })
    .first()
    .waitFor();
  await senior.goto(`/pairs/${pairId}`);
  await expect(senior.getByRole("heading", { level: 1 })).toBeVisible();
  const partnerEmail =
    (
      await senior
        .getByRole("link", { name: /@demo\.passerelle\.fr/ })
        .first()
        .textContent()
    )?.trim() ?? "";
  expect(partnerEmail).toMatch(/@demo\.passerelle\.fr$/);
  await expect(senior.getByRole("heading", { name: "Séances", exact: true })).toBeVisible();
  await expect(senior.getByRole("heading", { name: "Objectifs", exact: true })).toBeVisible();
  await checkpoint(senior, "workspace-00-pair");

  // The session that began an hour ago: Philippe writes its agenda.
  const sessions = (await (await senior.request.get(`/api/pairs/${pairId}/sessions`)).json()).items as {
    id: string;
    startsAt: string;
    status: string;
  }[];
  const session = sessions.find((s) => s.status === "scheduled" && Date.parse(s.startsAt) < Date.now());
  if (!session) throw new Error("the demo pair has no session under way");
  const sessionUrl = `/pairs/${pairId}/sessions/${session.id}`;
  await senior.goto(sessionUrl);
  await senior.getByLabel("Point à l’ordre du jour").fill("Retrouver un fichier partagé dans Teams");
  await senior.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(senior.getByText("Point ajouté à l’ordre du jour.")).toBeVisible();
  await expect(senior.getByLabel("Point à l’ordre du jour")).toHaveValue("");
  await expect(senior.getByText("Retrouver un fichier partagé dans Teams")).toBeVisible();
  await checkpoint(senior, "workspace-01-agenda");

  // His mentor adds a topic.
  const junior = await logIn(browser, partnerEmail);
  await junior.goto(sessionUrl);
  await expect(junior.getByText("Retrouver un fichier partagé dans Teams")).toBeVisible();
  await junior.getByLabel("Point à l’ordre du jour").fill("Comment se prépare un comité de direction");
  await junior.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(junior.getByText("Point ajouté à l’ordre du jour.")).toBeVisible();
  await expect(junior.getByLabel("Point à l’ordre du jour")).toHaveValue("");
  await expect(junior.getByText("Comment se prépare un comité de direction")).toBeVisible();

  // After the session: Philippe marks it held; both write their notes, the mentor shares hers.
  await senior.reload();
  await expect(senior.getByText("Comment se prépare un comité de direction")).toBeVisible();
  await senior.getByRole("button", { name: "Séance tenue" }).click();
  await expect(senior.getByText("Tenue", { exact: true }).first()).toBeVisible();
  await senior.getByRole("textbox", { name: "Mes notes" }).fill("Le partage de fichiers est plus simple que prévu.");
  await senior.getByRole("textbox", { name: "Mon journal de bord" }).fill("Moins d’appréhension devant Teams.");
  await senior.getByRole("button", { name: "Enregistrer mes notes" }).click();
  await expect(senior.getByText("Notes enregistrées.")).toBeVisible();
  await checkpoint(senior, "workspace-02-notes");

  await junior.reload();
  await junior.getByRole("textbox", { name: "Mes notes" }).fill("Philippe retrouve ses fichiers seul ; prochaine fois, les canaux.");
  await junior
    .getByRole("textbox", { name: "Mon journal de bord" })
    .fill("Expliquer un comité de direction m’a appris à présenter un budget.");
  await junior.getByRole("switch", { name: /Partager mes notes avec/ }).check();
  await junior.getByRole("button", { name: "Enregistrer mes notes" }).click();
  await expect(junior.getByText("Notes enregistrées.")).toBeVisible();
  await senior.reload();
  await expect(senior.getByText("Philippe retrouve ses fichiers seul ; prochaine fois, les canaux.")).toBeVisible();

  // Both update a goal: the mentor writes where she is; Philippe marks his achieved, with evidence.
  await junior.goto(`/pairs/${pairId}`);
  const juniorOwn = junior.getByRole("region", { name: "Ce que vous apprenez" }).getByRole("article").first();
  await juniorOwn.getByRole("button", { name: "Mettre à jour" }).click();
  await junior.getByRole("dialog").getByLabel("Où en êtes-vous ?").fill("J’ai animé le point d’équipe de lundi.");
  await junior.getByRole("dialog").getByRole("button", { name: "Enregistrer la mise à jour" }).click();
  await expect(junior.getByText("Mise à jour enregistrée.")).toBeVisible();

  await senior.goto(`/pairs/${pairId}`);
  const seniorGoal = senior.getByRole("region", { name: "Ce que vous apprenez" }).getByRole("article").first();
  await seniorGoal.getByRole("button", { name: "Mettre à jour" }).click();
  const progress = senior.getByRole("dialog");
  await progress.getByLabel("État").click();
  await senior.getByRole("option", { name: "Atteint" }).click();
  await progress.getByLabel("Où en êtes-vous ?").fill("Je partage mes fichiers seul depuis une semaine.");
  await progress.getByLabel("Lien vers une preuve (facultatif)").fill("https://intranet.example.com/partage-teams");
  await progress.getByRole("button", { name: "Enregistrer la mise à jour" }).click();
  await expect(seniorGoal.getByText("Atteint").first()).toBeVisible();
  await checkpoint(senior, "workspace-03-goal-achieved");

  // The junior saw it: she signs it off.
  await junior.reload();
  const partnerGoal = junior
    .getByRole("region", { name: /Ce que .* apprend/ })
    .getByRole("article")
    .first();
  await partnerGoal.getByRole("button", { name: "J’ai constaté" }).click();
  await expect(partnerGoal.getByText(/Vous avez constaté l’objectif atteint le/)).toBeVisible();
  await checkpoint(junior, "workspace-04-signed-off");

  // The manager sees the session held, and nothing of its notes or goals.
  const manager = await logIn(browser, HR);
  await manager.goto("/programmes");
  await manager.getByRole("link", { name: PILOT }).first().click();
  await manager.waitForURL(/programmes\/[0-9a-f-]{36}/);
  const programmeId = (manager.url().match(/programmes\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
  await manager.goto(`/programmes/${programmeId}/pairs/${pairId}`);
  await expect(manager.getByText(/Dernière séance tenue le/)).toBeVisible();
  await expect(manager.getByText("Le contenu des séances, objectifs et notes reste privé au binôme.")).toBeVisible();
  await expect(manager.getByText("Philippe retrouve ses fichiers seul")).toHaveCount(0);
  await checkpoint(manager, "workspace-05-manager");
  for (const url of [`/api/sessions/${session.id}/notes`, `/api/sessions/${session.id}`, `/api/pairs/${pairId}/goals`]) {
    expect([403, 404]).toContain((await manager.request.get(url)).status());
  }
  const managerList = (await (await manager.request.get(`/api/pairs/${pairId}/sessions`)).json()).items as Record<string, unknown>[];
  expect(managerList.find((s) => s.id === session.id)).toEqual(expect.objectContaining({ status: "held" }));
  expect(Object.keys(managerList[0] ?? {}).sort()).toEqual(["endsAt", "id", "startsAt", "status"]);
});
