import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTES_MAX_LENGTH } from "../../../../contracts/session-notes.ts";
import { cast, menteeProfile, mentorProfile, newManager, publishedPair } from "../../../test/programme-builders.ts";
import { givenSession } from "../../../test/session-builders.ts";
import { createTestApp, type TestClient, type TestContext } from "../../../test/test-app.ts";

/**
 * Notes and the learning journal through the API: private to their author by default, notes shareable
 * with the partner, the journal never; managers get 403 and anyone else 404 on every route that carries
 * them; only a session that has begun takes notes. Each test builds its own pair.
 */
const HOUR = 3_600_000;
const NOTES = "Nous avons automatisé la relance des devis avec Zapier.";
const JOURNAL = "J’ai compris ce qu’est un déclencheur : note n° 5e1d";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Chloé (mentor) and Gérard (mentee) in an active pair, an outsider, a manager, and a session held yesterday. */
async function pairWithSession() {
  const hr = await newManager(ctx);
  const people = await cast(ctx, [
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["dataviz", "excel"]), withAccount: true },
    { key: "outsider", profile: menteeProfile(["excel"]), withAccount: true },
  ]);
  const { pairId } = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" }, "active", { requiresOnboarding: false });
  const now = ctx.clock.now().getTime();
  const sessionId = await givenSession(ctx.database, pairId, { startsAt: new Date(now - 24 * HOUR), status: "held" });
  const [chloe, gerard, outsider] = [await people.as("chloe"), await people.as("gerard"), await people.as("outsider")];
  return { hr, people, pairId, sessionId, chloe, gerard, outsider };
}

const putNotes = (client: TestClient, sessionId: string, body: unknown) => client.request("PUT", `/api/sessions/${sessionId}/notes`, body);

describe("notes and journal", () => {
  it("keeps notes private to their author by default: the partner reads nothing of them", async () => {
    const { sessionId, pairId, chloe, gerard } = await pairWithSession();
    expect((await gerard.get(`/api/sessions/${sessionId}/notes`)).json()).toEqual({
      sessionId,
      canWrite: true,
      whyClosed: null,
      mine: null,
      partner: null,
    });

    const saved = await putNotes(gerard, sessionId, { notes: NOTES, journal: JOURNAL, isShared: false });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ mine: { notes: NOTES, journal: JOURNAL, isShared: false }, partner: null });
    expect(saved.json().mine.updatedAt).toBe(ctx.clock.now().toISOString());

    const seenByPartner = await chloe.get(`/api/sessions/${sessionId}/notes`);
    expect(seenByPartner.json()).toEqual({ sessionId, canWrite: true, whyClosed: null, mine: null, partner: null });
    const partnerJournal = await chloe.get(`/api/pairs/${pairId}/journal`);
    expect(partnerJournal.json()).toEqual({ items: [] });
    for (const body of [seenByPartner.body, partnerJournal.body]) {
      expect(body).not.toContain(NOTES);
      expect(body).not.toContain(JOURNAL);
    }
  });

  it("lets the partner read shared notes, never the journal; the author can take the sharing back", async () => {
    const { sessionId, pairId, chloe, gerard } = await pairWithSession();
    expect((await putNotes(gerard, sessionId, { notes: NOTES, journal: JOURNAL, isShared: true })).statusCode).toBe(200);

    const seen = await chloe.get(`/api/sessions/${sessionId}/notes`);
    expect(seen.json()).toMatchObject({ mine: null, partner: { notes: NOTES } });
    expect(seen.body).not.toContain(JOURNAL);
    expect((await chloe.get(`/api/pairs/${pairId}/journal`)).body).not.toContain(JOURNAL);

    // Chloé writes her own, unshared: Gérard sees his, not hers.
    await putNotes(chloe, sessionId, { notes: "Mes notes à moi", journal: "", isShared: false });
    const gerardSees = (await gerard.get(`/api/sessions/${sessionId}/notes`)).json();
    expect(gerardSees).toMatchObject({ mine: { notes: NOTES, journal: JOURNAL, isShared: true }, partner: null });

    await putNotes(gerard, sessionId, { notes: NOTES, journal: JOURNAL, isShared: false });
    expect((await chloe.get(`/api/sessions/${sessionId}/notes`)).json()).toMatchObject({
      mine: { notes: "Mes notes à moi" },
      partner: null,
    });
  });

  it("lists my learning journal across the pair's sessions, the latest session first", async () => {
    const { sessionId, pairId, gerard } = await pairWithSession();
    const now = ctx.clock.now().getTime();
    const older = await givenSession(ctx.database, pairId, { startsAt: new Date(now - 15 * 24 * HOUR), status: "held" });
    const cancelled = await givenSession(ctx.database, pairId, { startsAt: new Date(now - 8 * 24 * HOUR), status: "cancelled" });
    await putNotes(gerard, older, { notes: "", journal: "Première entrée", isShared: false });
    await putNotes(gerard, sessionId, { notes: NOTES, journal: JOURNAL, isShared: true });
    expect((await putNotes(gerard, cancelled, { notes: "", journal: "Pas de séance", isShared: false })).statusCode).toBe(409);

    const journal = (await gerard.get(`/api/pairs/${pairId}/journal`)).json();
    expect(journal.items.map((e: { sessionId: string; journal: string }) => [e.sessionId, e.journal])).toEqual([
      [sessionId, JOURNAL],
      [older, "Première entrée"],
    ]);
    expect(journal.items[0].sessionStartsAt).toBe(new Date(now - 24 * HOUR).toISOString());
  });

  it("takes notes once the session has begun: 409 for one still to come or cancelled, with a clear message", async () => {
    const { pairId, gerard } = await pairWithSession();
    const now = ctx.clock.now().getTime();
    const future = await givenSession(ctx.database, pairId, { startsAt: new Date(now + 2 * 24 * HOUR) });
    const cancelled = await givenSession(ctx.database, pairId, { startsAt: new Date(now - 2 * 24 * HOUR), status: "cancelled" });
    const started = await givenSession(ctx.database, pairId, { startsAt: new Date(now - 10 * 60_000) });
    const body = { notes: NOTES, journal: "", isShared: false };

    const early = await putNotes(gerard, future, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: "NOTES_NOT_OPEN", message: expect.stringMatching(/pas encore commencé/) });
    expect((await gerard.get(`/api/sessions/${future}/notes`)).json()).toMatchObject({
      canWrite: false,
      whyClosed: "not_started",
      mine: null,
    });

    const off = await putNotes(gerard, cancelled, body);
    expect(off.statusCode).toBe(409);
    expect(off.json().error).toMatchObject({ code: "NOTES_NOT_OPEN", message: expect.stringMatching(/annulée/) });
    expect((await gerard.get(`/api/sessions/${cancelled}/notes`)).json()).toMatchObject({ canWrite: false, whyClosed: "cancelled" });

    // Under way (still "scheduled"): notes are welcome.
    expect((await putNotes(gerard, started, body)).statusCode).toBe(200);
  });

  it("refuses notes or a journal that are too long, naming the field", async () => {
    const { sessionId, gerard } = await pairWithSession();
    const tooLong = await putNotes(gerard, sessionId, { notes: "x".repeat(NOTES_MAX_LENGTH + 1), journal: "ok", isShared: false });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([{ path: "notes", message: `Au plus ${NOTES_MAX_LENGTH} caractères.` }]);
    const missing = await putNotes(gerard, sessionId, { notes: "ok" });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["isShared", "journal"]);
    expect((await putNotes(gerard, sessionId, { notes: "x".repeat(NOTES_MAX_LENGTH), journal: "", isShared: false })).statusCode).toBe(200);
  });
});

describe("who may reach a pair's writing", () => {
  it("answers 403 to a manager and 404 to another participant on every route, and 404 for a session that does not exist", async () => {
    const { hr, pairId, sessionId, gerard, outsider, people } = await pairWithSession();
    await putNotes(gerard, sessionId, { notes: NOTES, journal: JOURNAL, isShared: true });
    const item = (
      await gerard.post(`/api/sessions/${sessionId}/action-items`, { text: "Tester Zapier", ownerPersonId: people.ids.gerard })
    ).json();
    const resource = (await gerard.post(`/api/pairs/${pairId}/resources`, { title: "Zapier", url: "https://zapier.com/learn" })).json();

    const attempts: [string, (c: TestClient) => ReturnType<TestClient["get"]>][] = [
      ["GET notes", (c) => c.get(`/api/sessions/${sessionId}/notes`)],
      ["PUT notes", (c) => putNotes(c, sessionId, { notes: "x", journal: "", isShared: false })],
      ["GET journal", (c) => c.get(`/api/pairs/${pairId}/journal`)],
      ["GET action items", (c) => c.get(`/api/pairs/${pairId}/action-items`)],
      ["POST action item", (c) => c.post(`/api/sessions/${sessionId}/action-items`, { text: "x", ownerPersonId: people.ids.gerard })],
      ["PATCH action item", (c) => c.patch(`/api/action-items/${item.id}`, { isDone: true })],
      ["DELETE action item", (c) => c.request("DELETE", `/api/action-items/${item.id}`)],
      ["GET resources", (c) => c.get(`/api/pairs/${pairId}/resources`)],
      ["POST resource", (c) => c.post(`/api/pairs/${pairId}/resources`, { title: "x", url: "https://exemple.fr" })],
      ["DELETE resource", (c) => c.request("DELETE", `/api/resources/${resource.id}`)],
    ];
    const statuses = async (client: TestClient) => {
      const out: Record<string, number> = {};
      for (const [name, attempt] of attempts) {
        const response = await attempt(client);
        out[name] = response.statusCode;
        for (const secret of [NOTES, JOURNAL, "Tester Zapier", "zapier.com"]) expect(response.body).not.toContain(secret);
      }
      return out;
    };
    expect(await statuses(hr)).toEqual(Object.fromEntries(attempts.map(([name]) => [name, 403])));
    expect(await statuses(outsider)).toEqual(Object.fromEntries(attempts.map(([name]) => [name, 404])));

    // Nothing was written by either.
    expect((await gerard.get(`/api/pairs/${pairId}/action-items`)).json().items).toHaveLength(1);
    expect((await gerard.get(`/api/pairs/${pairId}/resources`)).json().items).toHaveLength(1);
    expect((await gerard.get(`/api/sessions/${sessionId}/notes`)).json().mine.notes).toBe(NOTES);

    const unknown = "00000000-0000-4000-8000-0000000000ff";
    expect((await gerard.get(`/api/sessions/${unknown}/notes`)).statusCode).toBe(404);
    expect((await putNotes(gerard, unknown, { notes: "x", journal: "", isShared: false })).statusCode).toBe(404);
    expect((await hr.get(`/api/sessions/${unknown}/notes`)).statusCode).toBe(404);
    expect((await gerard.patch(`/api/action-items/${unknown}`, { isDone: true })).statusCode).toBe(404);
    expect((await gerard.request("DELETE", `/api/resources/${unknown}`)).statusCode).toBe(404);
  });
});
