import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actionItems, agendaItems, goals } from "../../db/schema.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/**
 * A session's agenda through the API: the mentee prepares it, the mentor adds to it, each changes their
 * own items and the mentee every item, goals and open action items of the pair only, nothing changes
 * once the session is over or cancelled; a manager gets 403, another participant 404.
 */
const START = new Date("2026-03-02T09:00:00Z");
const LINK = "https://visio.example.com/nadia-paul";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(START));

/** Nadia (mentor) and Paul (mentee), active, with a session on 17 March; and another pair (Zoé and Marc) with a goal and an action item. */
async function pairWithSession() {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "nadia", profile: mentorProfile(["excel"]), withAccount: true },
    { key: "paul", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "zoe", profile: mentorProfile(["dataviz"]), withAccount: true },
    { key: "marc", profile: menteeProfile(["dataviz"]), withAccount: true },
  ]);
  const options = { requiresOnboarding: false };
  const { pairId } = await publishedPair(hr, { cast: people, mentor: "nadia", mentee: "paul" }, "active", options);
  const other = await publishedPair(hr, { cast: people, mentor: "zoe", mentee: "marc" }, "active", options);
  const [nadia, paul, zoe] = [await people.as("nadia"), await people.as("paul"), await people.as("zoe")];
  const scheduled = await paul.post(`/api/pairs/${pairId}/sessions`, {
    startsAt: "2026-03-17T12:30:00+01:00",
    mode: "online",
    location: LINK,
  });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  const now = ctx.clock.now();
  const goal = async (pair: string, statement: string) => {
    const [row] = await ctx.database.db
      .insert(goals)
      .values({ pairId: pair, learnerRole: "mentee", statement, target: "3 publications", createdAt: now, updatedAt: now })
      .returning({ id: goals.id });
    return row?.id as string;
  };
  const earlier = await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-03T11:30:00Z"), status: "held" });
  const otherSession = await givenSession(ctx.database, other.pairId, { startsAt: new Date("2026-03-03T11:30:00Z"), status: "held" });
  const action = async (pair: string, session: string, text: string, owner: string, doneAt: Date | null = null) => {
    const [row] = await ctx.database.db
      .insert(actionItems)
      .values({ pairId: pair, sessionId: session, text, ownerPersonId: owner, dueOn: "2026-03-16", doneAt, createdAt: now })
      .returning({ id: actionItems.id });
    return row?.id as string;
  };
  return {
    hr,
    nadia,
    paul,
    zoe,
    pairId,
    sessionId: scheduled.json().id as string,
    goalId: await goal(pairId, "Publier seul sur LinkedIn"),
    otherGoalId: await goal(other.pairId, "Un objectif d’un autre binôme"),
    openAction: await action(pairId, earlier, "Créer un compte LinkedIn", people.ids.paul as string),
    doneAction: await action(pairId, earlier, "Lire le guide", people.ids.nadia as string, now),
    otherAction: await action(other.pairId, otherSession, "Action d’un autre binôme", people.ids.marc as string),
  };
}

describe("the agenda", () => {
  it("is prepared by the mentee and added to by the mentor; each changes their own items, the mentee every item", async () => {
    const { paul, nadia, sessionId, goalId } = await pairWithSession();
    const topic = await paul.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "Mon profil LinkedIn", goalId });
    expect(topic.statusCode, topic.body).toBe(201);
    expect(topic.json()).toMatchObject({ kind: "topic", text: "Mon profil LinkedIn", goalId, author: "mentee", canEdit: true });
    const question = await paul.post(`/api/sessions/${sessionId}/agenda-items`, {
      kind: "question",
      text: "  Qui voit mes publications ?  ",
    });
    expect(question.json()).toMatchObject({ text: "Qui voit mes publications ?", goalId: null });
    const practice = await nadia.post(`/api/sessions/${sessionId}/agenda-items`, {
      kind: "practice",
      text: "Publier un premier post ensemble",
    });
    expect(practice.json()).toMatchObject({ author: "mentor", canEdit: true });

    const asMentor = (await nadia.get(`/api/sessions/${sessionId}`)).json();
    expect(asMentor).toMatchObject({ canEditAgenda: true, agendaCount: 3, myRole: "mentor" });
    expect(asMentor.agenda.map((a: { kind: string; author: string; canEdit: boolean }) => [a.kind, a.author, a.canEdit])).toEqual([
      ["topic", "mentee", false],
      ["question", "mentee", false],
      ["practice", "mentor", true],
    ]);
    const asMentee = (await paul.get(`/api/sessions/${sessionId}`)).json();
    expect(asMentee.agenda.map((a: { canEdit: boolean }) => a.canEdit)).toEqual([true, true, true]);
    const listed = (await paul.get(`/api/pairs/${asMentee.pairId}/sessions`)).json().items;
    expect(listed.map((s: { id: string; agendaCount: number }) => [s.id === sessionId, s.agendaCount])).toEqual([
      [false, 0],
      [true, 3],
    ]);

    // The mentor may not change the mentee's items…
    expect((await nadia.patch(`/api/agenda-items/${topic.json().id}`, { text: "Autre chose" })).statusCode).toBe(403);
    expect((await nadia.request("DELETE", `/api/agenda-items/${question.json().id}`)).statusCode).toBe(403);
    // …but her own; the mentee changes any.
    expect((await nadia.patch(`/api/agenda-items/${practice.json().id}`, { text: "Publier deux posts" })).json().text).toBe(
      "Publier deux posts",
    );
    const edited = await paul.patch(`/api/agenda-items/${practice.json().id}`, { kind: "topic", goalId });
    expect(edited.json()).toMatchObject({ kind: "topic", goalId, text: "Publier deux posts", author: "mentor" });
    expect((await paul.patch(`/api/agenda-items/${topic.json().id}`, { goalId: null })).json().goalId).toBeNull();
    expect((await paul.patch(`/api/agenda-items/${topic.json().id}`, {})).json()).toMatchObject({
      text: "Mon profil LinkedIn",
      goalId: null,
    });
    expect((await paul.request("DELETE", `/api/agenda-items/${practice.json().id}`)).json()).toEqual({ ok: true });
    expect((await paul.get(`/api/sessions/${sessionId}`)).json().agenda).toHaveLength(2);
  });

  it("offers the pair's open action items and carries one over; goals and action items of another pair are refused", async () => {
    const { paul, nadia, sessionId, openAction, doneAction, otherAction, otherGoalId } = await pairWithSession();
    const before = (await nadia.get(`/api/sessions/${sessionId}`)).json();
    expect(before.suggestions).toEqual([
      { actionItemId: openAction, text: "Créer un compte LinkedIn", owner: "mentee", dueOn: "2026-03-16" },
    ]);
    expect(before.suggestions.map((s: { actionItemId: string }) => s.actionItemId)).not.toContain(doneAction);

    const carried = await paul.post(`/api/sessions/${sessionId}/agenda-items`, {
      kind: "topic",
      text: "Créer un compte LinkedIn",
      fromActionItemId: openAction,
    });
    expect(carried.json()).toMatchObject({ fromActionItemId: openAction });
    expect((await paul.get(`/api/sessions/${sessionId}`)).json().suggestions).toEqual([]);

    const refused = async (body: Record<string, unknown>) => {
      const response = await paul.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "Essai", ...body });
      expect(response.statusCode).toBe(400);
      return response.json().error.details.map((d: { path: string }) => d.path);
    };
    expect(await refused({ goalId: otherGoalId })).toEqual(["goalId"]);
    expect(await refused({ fromActionItemId: otherAction })).toEqual(["fromActionItemId"]);
    expect(await refused({ fromActionItemId: doneAction })).toEqual(["fromActionItemId"]);
    expect(await refused({ text: "" })).toEqual(["text"]);
    expect(await refused({ text: "x".repeat(1001) })).toEqual(["text"]);
    expect(await refused({ kind: "gossip" })).toEqual(["kind"]);
    const item = carried.json().id as string;
    expect((await paul.patch(`/api/agenda-items/${item}`, { goalId: otherGoalId })).statusCode).toBe(400);
    const rows = await ctx.database.db.select().from(agendaItems).where(eq(agendaItems.sessionId, sessionId));
    expect(rows).toHaveLength(1);
  });

  it("no longer changes once the session is held or cancelled (409)", async () => {
    const { paul, nadia, sessionId, pairId } = await pairWithSession();
    const item = (await paul.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "Mon profil" })).json().id as string;
    const held = await givenSession(ctx.database, pairId, { startsAt: new Date("2026-03-02T08:00:00Z"), status: "held" });
    expect((await paul.get(`/api/sessions/${held}`)).json()).toMatchObject({ canEditAgenda: false, hasStarted: true });
    const add = await paul.post(`/api/sessions/${held}/agenda-items`, { kind: "topic", text: "Trop tard" });
    expect(add.statusCode).toBe(409);
    expect(add.json().error.code).toBe("AGENDA_CLOSED");

    await nadia.post(`/api/sessions/${sessionId}/cancel`, { reason: "Imprévu" });
    const closed = (await paul.get(`/api/sessions/${sessionId}`)).json();
    expect(closed).toMatchObject({ canEditAgenda: false, status: "cancelled", cancelReason: "Imprévu" });
    expect(closed.agenda[0].canEdit).toBe(false);
    expect((await paul.patch(`/api/agenda-items/${item}`, { text: "Encore" })).statusCode).toBe(409);
    expect((await paul.request("DELETE", `/api/agenda-items/${item}`)).statusCode).toBe(409);
  });

  it("is the pair's: a manager gets 403, another participant 404", async () => {
    const { paul, zoe, hr, sessionId } = await pairWithSession();
    const item = (await paul.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "Secret de Paul" })).json()
      .id as string;
    expect((await hr.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "RH" })).statusCode).toBe(403);
    expect((await hr.patch(`/api/agenda-items/${item}`, { text: "RH" })).statusCode).toBe(403);
    expect((await hr.request("DELETE", `/api/agenda-items/${item}`)).statusCode).toBe(403);
    const managerView = await hr.get(`/api/sessions/${sessionId}`);
    expect(managerView.statusCode).toBe(403);
    expect(managerView.body).not.toContain("Secret de Paul");
    expect((await zoe.post(`/api/sessions/${sessionId}/agenda-items`, { kind: "topic", text: "Intrus" })).statusCode).toBe(404);
    expect((await zoe.patch(`/api/agenda-items/${item}`, { text: "Intrus" })).statusCode).toBe(404);
    expect((await zoe.request("DELETE", `/api/agenda-items/${item}`)).statusCode).toBe(404);
    expect((await paul.patch("/api/agenda-items/00000000-0000-4000-8000-000000000000", { text: "x" })).statusCode).toBe(404);
    const [row] = await ctx.database.db.select().from(agendaItems).where(eq(agendaItems.id, item));
    expect(row?.text).toBe("Secret de Paul");
  });
});
