import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";

/** A pair's action items and resources through the API: shared by its two people, checked field by field. */
const HOUR = 3_600_000;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function pairWithSession() {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId } = await publishedPair(hr, { cast: people, mentor: "ines", mentee: "bernard" }, "active", { requiresOnboarding: false });
  const startsAt = new Date(ctx.clock.now().getTime() - 3 * HOUR);
  const sessionId = await givenSession(ctx.database, pairId, { startsAt, status: "held" });
  return { people, pairId, sessionId, startsAt, ines: await people.as("ines"), bernard: await people.as("bernard") };
}

describe("action items", () => {
  it("are written after a session for either of the pair, seen by both, done, reopened, changed and deleted", async () => {
    const { people, pairId, sessionId, startsAt, ines, bernard } = await pairWithSession();
    const created = await bernard.post(`/api/sessions/${sessionId}/action-items`, {
      text: "  Publier un post LinkedIn seul  ",
      ownerPersonId: people.ids.bernard,
      dueOn: "2026-03-16",
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toEqual({
      id: expect.any(String),
      sessionId,
      sessionStartsAt: startsAt.toISOString(),
      text: "Publier un post LinkedIn seul",
      owner: { id: people.ids.bernard, firstName: "Bernard", lastName: "Test", department: "Ventes" },
      dueOn: "2026-03-16",
      doneAt: null,
      createdAt: ctx.clock.now().toISOString(),
    });
    const forInes = (
      await bernard.post(`/api/sessions/${sessionId}/action-items`, { text: "Envoyer le tutoriel", ownerPersonId: people.ids.ines })
    ).json();
    expect(forInes).toMatchObject({ owner: { id: people.ids.ines }, dueOn: null });

    // Both see all of them; the one with a due date first.
    const listed = (await ines.get(`/api/pairs/${pairId}/action-items`)).json().items as { id: string }[];
    expect(listed.map((i) => i.id)).toEqual([item.id, forInes.id]);

    ctx.clock.advance(10 * 60_000);
    const done = await ines.patch(`/api/action-items/${item.id}`, { isDone: true });
    expect(done.json()).toMatchObject({ id: item.id, doneAt: ctx.clock.now().toISOString() });
    // Done again later: it keeps the day it was first done.
    ctx.clock.advance(10 * 60_000);
    expect((await bernard.patch(`/api/action-items/${item.id}`, { isDone: true })).json().doneAt).toBe(done.json().doneAt);

    expect(((await bernard.get(`/api/pairs/${pairId}/action-items?open=true`)).json().items as { id: string }[]).map((i) => i.id)).toEqual([
      forInes.id,
    ]);
    expect(
      ((await bernard.get(`/api/pairs/${pairId}/action-items?open=true`)).json().items as { text: string }[]).map((i) => i.text),
    ).toEqual(["Envoyer le tutoriel"]);
    // Done items come after the open ones.
    expect(((await bernard.get(`/api/pairs/${pairId}/action-items`)).json().items as { id: string }[]).map((i) => i.id)).toEqual([
      forInes.id,
      item.id,
    ]);

    const reopened = await bernard.patch(`/api/action-items/${item.id}`, { isDone: false, text: "Publier deux posts", dueOn: null });
    expect(reopened.json()).toMatchObject({ text: "Publier deux posts", dueOn: null, doneAt: null });
    expect(
      (await ines.patch(`/api/action-items/${forInes.id}`, { ownerPersonId: people.ids.bernard, dueOn: "2026-03-20" })).json(),
    ).toMatchObject({
      owner: { id: people.ids.bernard },
      dueOn: "2026-03-20",
    });

    expect((await ines.request("DELETE", `/api/action-items/${item.id}`)).statusCode).toBe(204);
    expect((await bernard.patch(`/api/action-items/${item.id}`, { isDone: true })).statusCode).toBe(404);
    expect((await bernard.get(`/api/pairs/${pairId}/action-items`)).json().items).toHaveLength(1);
  });

  it("belong to one of the pair, and refuse an empty text or a wrong date, naming the field", async () => {
    const { people, sessionId, bernard } = await pairWithSession();
    const stranger = await bernard.post(`/api/sessions/${sessionId}/action-items`, { text: "Faire", ownerPersonId: people.ids.outsider });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toEqual([
      { path: "ownerPersonId", message: "Choisissez une personne du binôme : vous ou votre partenaire." },
    ]);
    const empty = await bernard.post(`/api/sessions/${sessionId}/action-items`, {
      text: "   ",
      ownerPersonId: people.ids.bernard,
      dueOn: "16/03/2026",
    });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["dueOn", "text"]);

    const item = (
      await bernard.post(`/api/sessions/${sessionId}/action-items`, { text: "Faire", ownerPersonId: people.ids.bernard })
    ).json();
    const handedOff = await bernard.patch(`/api/action-items/${item.id}`, { ownerPersonId: people.ids.outsider });
    expect(handedOff.statusCode).toBe(400);
    expect(handedOff.json().error.details[0].path).toBe("ownerPersonId");
  });

  it("wait for the session to begin, like notes", async () => {
    const { people, pairId, bernard } = await pairWithSession();
    const future = await givenSession(ctx.database, pairId, { startsAt: new Date(ctx.clock.now().getTime() + 48 * HOUR) });
    const early = await bernard.post(`/api/sessions/${future}/action-items`, { text: "Plus tard", ownerPersonId: people.ids.bernard });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("NOTES_NOT_OPEN");
  });
});

describe("resources", () => {
  it("are titled http or https links the pair adds and removes; anything else is refused on the url field", async () => {
    const { pairId, ines, bernard, people } = await pairWithSession();
    const added = await ines.post(`/api/pairs/${pairId}/resources`, { title: " Bases de Zapier ", url: "https://zapier.com/learn" });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({
      id: expect.any(String),
      title: "Bases de Zapier",
      url: "https://zapier.com/learn",
      addedBy: { id: people.ids.ines, firstName: "Ines", lastName: "Test", department: "Ventes" },
      createdAt: ctx.clock.now().toISOString(),
    });
    ctx.clock.advance(60_000);
    await bernard.post(`/api/pairs/${pairId}/resources`, { title: "Glossaire", url: "HTTP://exemple.fr/glossaire" });
    expect(((await bernard.get(`/api/pairs/${pairId}/resources`)).json().items as { title: string }[]).map((r) => r.title)).toEqual([
      "Glossaire",
      "Bases de Zapier",
    ]);

    for (const url of ["javascript:alert(1)", "ftp://exemple.fr/fichier", "exemple.fr", "data:text/html,<b>x</b>", "https://"]) {
      const refused = await bernard.post(`/api/pairs/${pairId}/resources`, { title: "Lien", url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error.details, url).toEqual([
        { path: "url", message: "Indiquez une adresse web commençant par http:// ou https://." },
      ]);
    }
    const untitled = await bernard.post(`/api/pairs/${pairId}/resources`, { title: "", url: "" });
    expect(untitled.json().error.details).toEqual([
      { path: "title", message: "Ce champ est obligatoire." },
      { path: "url", message: "Ce champ est obligatoire." },
    ]);

    expect((await bernard.request("DELETE", `/api/resources/${added.json().id}`)).statusCode).toBe(204);
    expect((await ines.get(`/api/pairs/${pairId}/resources`)).json().items).toHaveLength(1);
    expect((await ines.request("DELETE", `/api/resources/${added.json().id}`)).statusCode).toBe(404);
  });
});
