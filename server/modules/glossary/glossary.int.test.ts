/**
 * The glossary through the API: the seed, search in both languages without accents or case, a
 * participant's proposal reviewed by a manager, who sees what, and the refusals. The tests share one
 * app and database (the glossary is the install's): each proposes terms of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GlossaryTerm } from "../../../contracts/glossary.ts";
import { cast, newManager, uniqueSuffix } from "../../test/programme-builders.ts";
import { createTestApp, TestClient, type TestContext } from "../../test/test-app.ts";
import { syncGlossaryFromFile } from "./index.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const terms = async (client: TestClient, query = ""): Promise<GlossaryTerm[]> => {
  const response = await client.get(`/api/glossary${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const termNames = async (client: TestClient, query = "") => (await terms(client, query)).map((t) => t.term);
const search = (client: TestClient, q: string) => termNames(client, `?q=${encodeURIComponent(q)}`);

/** Léa and Omar (participants with accounts), one in French, one in English, and a manager. */
async function people() {
  const team = await cast(ctx, [
    { key: "lea", withAccount: true },
    { key: "omar", withAccount: true },
  ]);
  const lea = await team.as("lea");
  const omar = await team.as("omar");
  await omar.patch("/api/me", { locale: "en" });
  return { lea, omar, manager: await newManager(ctx), ids: team.ids };
}

/** A term no other test proposes. */
const aTerm = (name = `Jargon ${uniqueSuffix()}`) => ({
  term: name,
  definition: { fr: "Un mot que seuls les initiés comprennent.", en: "A word only insiders understand." },
  example: { fr: "Le jargon de l’équipe data.", en: "The data team’s jargon." },
  skillIds: ["tech_jargon"],
});

describe("the seed", () => {
  it("is loaded at start: at least 40 approved terms, with definitions and examples in both languages and their skills", async () => {
    const { lea } = await people();
    const seeded = (await terms(lea)).filter((t) => t.isSeeded);
    expect(seeded.length).toBeGreaterThanOrEqual(40);
    expect(seeded.every((t) => t.status === "approved" && t.proposedBy === null && t.definition.fr && t.definition.en)).toBe(true);
    expect(seeded.find((t) => t.term === "CRUD")).toMatchObject({
      skillIds: ["crud_sql"],
      example: { fr: expect.any(String), en: expect.any(String) },
    });
  });

  it("adds nothing when loaded again", async () => {
    const { manager } = await people();
    const before = (await terms(manager)).length;
    expect(await syncGlossaryFromFile(ctx.database, ctx.clock.now())).toBe(0);
    expect((await terms(manager)).length).toBe(before);
  });
});

describe("search", () => {
  it.each(["crud", "CRUD", "Crud"])("finds CRUD for %j, in French and in English", async (q) => {
    const { lea, omar } = await people();
    expect((await search(lea, q))[0]).toBe("CRUD");
    expect((await search(omar, q))[0]).toBe("CRUD");
  });

  it("finds growth hacking for “growth” whatever the UI language, the term before the definitions that mention it", async () => {
    const { lea, omar } = await people();
    for (const client of [lea, omar]) {
      const found = await search(client, "growth");
      expect(found[0]).toBe("growth hacking");
    }
  });

  it("ignores accents and case, in both directions", async () => {
    const { lea, omar } = await people();
    expect(await search(lea, "resume")).toEqual(expect.arrayContaining(["prompt", "tableau croisé dynamique"]));
    expect(await search(omar, "reseau")).toEqual(expect.arrayContaining(["VPN", "taguer", "algorithme"]));
    expect(await search(lea, "RÉSEAU")).toEqual(await search(lea, "reseau"));
    expect(await search(lea, "tableau croise")).toContain("tableau croisé dynamique");
    expect(await search(lea, "CROISÉ-DYNAMIQUE")).toContain("tableau croisé dynamique");
  });

  it("searches the English definitions from a French interface", async () => {
    const { lea } = await people();
    expect(await search(lea, "pivot table")).toEqual(["tableau croisé dynamique"]);
    expect(await search(lea, "stakeholders")).toContain("parties prenantes");
  });

  it("filters by skill, and finds nothing for a search that matches nothing", async () => {
    const { lea } = await people();
    expect(await termNames(lea, "?skill=crud_sql")).toEqual(["CRUD", "SQL"]);
    expect(await termNames(lea, "?q=crud&skill=excel")).toEqual([]);
    expect(await search(lea, "zzz-introuvable")).toEqual([]);
    // Punctuation counts as a space, % and _ included: "50 %" matches "50%".
    expect(await search(lea, "50%")).toEqual(["OKR"]);
  });
});

describe("a proposal", () => {
  it("waits for a manager, who is told; once approved, everyone sees it", async () => {
    const { lea, omar, manager, ids } = await people();
    const body = aTerm();
    const proposed = await lea.post("/api/glossary", body);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const term = proposed.json() as GlossaryTerm;
    expect(term).toMatchObject({ status: "proposed", isMine: true, isSeeded: false, proposedBy: { personId: ids.lea, name: "Lea Test" } });

    const notices = (await manager.get("/api/me/notifications")).json().items;
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: "managers_glossary_term_proposed", params: { term: body.term }, link: "/glossary?status=proposed" }),
    );

    // Until then: not in the glossary; the proposer and managers see it, another participant does not.
    expect(await search(omar, body.term)).toEqual([]);
    expect(await search(lea, body.term)).toEqual([]);
    expect(await termNames(lea, "?status=proposed")).toContain(body.term);
    expect(await termNames(omar, "?status=proposed")).not.toContain(body.term);
    expect((await omar.get(`/api/glossary/${term.id}`)).statusCode).toBe(404);
    expect((await lea.get(`/api/glossary/${term.id}`)).statusCode).toBe(200);
    const waiting = (await manager.get("/api/glossary?status=proposed")).json();
    expect(waiting.items.map((t: GlossaryTerm) => t.term)).toContain(body.term);
    expect(waiting.proposedCount).toBeGreaterThanOrEqual(1);
    expect((await lea.get("/api/glossary")).json().proposedCount).toBeNull();

    const approved = await manager.post(`/api/glossary/${term.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", isMine: false, reviewedAt: expect.any(String) });
    expect(await search(omar, body.term)).toEqual([body.term]);
    expect((await omar.get(`/api/glossary/${term.id}`)).json()).toMatchObject({ status: "approved", isMine: false });
    // Approving again changes nothing.
    expect((await manager.post(`/api/glossary/${term.id}/approve`)).json().reviewedAt).toBe(approved.json().reviewedAt);
  });

  it("is the managers' to review: a participant gets 403 and changes nothing", async () => {
    const { lea, omar } = await people();
    const term = (await lea.post("/api/glossary", aTerm())).json() as GlossaryTerm;
    for (const client of [lea, omar]) {
      expect((await client.post(`/api/glossary/${term.id}/approve`)).statusCode).toBe(403);
      expect((await client.post(`/api/glossary/${term.id}/reject`)).statusCode).toBe(403);
      expect((await client.patch(`/api/glossary/${term.id}`, { term: "Autre chose" })).statusCode).toBe(403);
    }
    expect((await lea.get(`/api/glossary/${term.id}`)).json()).toMatchObject({ status: "proposed", term: term.term });
  });

  it("once rejected, is listed nowhere but in the rejected terms of managers and of its proposer", async () => {
    const { lea, omar, manager } = await people();
    const term = (await lea.post("/api/glossary", aTerm())).json() as GlossaryTerm;
    expect((await manager.post(`/api/glossary/${term.id}/reject`)).json()).toMatchObject({ status: "rejected" });
    for (const client of [lea, omar, manager]) {
      expect(await search(client, term.term)).toEqual([]);
      expect(await termNames(client, "?status=proposed")).not.toContain(term.term);
    }
    expect(await termNames(manager, "?status=rejected")).toContain(term.term);
    expect(await termNames(lea, "?status=rejected")).toContain(term.term);
    expect(await termNames(omar, "?status=rejected")).not.toContain(term.term);
    expect((await omar.get(`/api/glossary/${term.id}`)).statusCode).toBe(404);
    // The same term may be proposed again.
    expect((await omar.post("/api/glossary", aTerm(term.term.toUpperCase()))).statusCode).toBe(201);
  });

  it("needs both definitions before approval; a manager completes it, and may withdraw an approved term", async () => {
    const { lea, manager } = await people();
    const body = { term: `Terme ${uniqueSuffix()}`, definition: { fr: "Seulement en français." } };
    const term = (await lea.post("/api/glossary", body)).json() as GlossaryTerm;
    expect(term).toMatchObject({ definition: { fr: "Seulement en français.", en: "" }, example: { fr: "", en: "" }, skillIds: [] });

    const refused = await manager.post(`/api/glossary/${term.id}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "GLOSSARY_TERM_INCOMPLETE", details: [{ path: "definition.en" }] });

    const edited = await manager.patch(`/api/glossary/${term.id}`, {
      definition: { fr: "Seulement en français.", en: "Now in English too." },
      skillIds: ["tech_jargon", "tech_jargon"],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: "proposed", skillIds: ["tech_jargon"] });
    expect((await manager.post(`/api/glossary/${term.id}/approve`)).statusCode).toBe(200);
    expect(await search(lea, "now in english")).toEqual([body.term]);

    expect((await manager.post(`/api/glossary/${term.id}/reject`)).json().status).toBe("rejected");
    expect(await search(lea, body.term)).toEqual([]);
  });

  it("lets a manager correct a seeded term, found then by its new words", async () => {
    const { lea, manager } = await people();
    const sea = (await terms(lea, "?q=SEA")).find((t) => t.term === "SEA") as GlossaryTerm;
    const word = `motclé${uniqueSuffix()}`;
    const edited = await manager.patch(`/api/glossary/${sea.id}`, { example: { fr: `Exemple maison : ${word}.`, en: sea.example.en } });
    expect(edited.json()).toMatchObject({ isSeeded: true, status: "approved", example: { fr: `Exemple maison : ${word}.` } });
    expect(await search(lea, word.replace("é", "e").toUpperCase())).toEqual(["SEA"]);
  });
});

describe("refusals", () => {
  it("refuses a term the glossary already has, accents, case and punctuation ignored, with a 409 on `term`", async () => {
    const { lea, omar } = await people();
    for (const name of ["crud", "Growth-Hacking", "TABLEAU CROISÉ DYNAMIQUE", "Tableau croise dynamique !"]) {
      const response = await lea.post("/api/glossary", aTerm(name));
      expect(response.statusCode, name).toBe(409);
      expect(response.json().error).toMatchObject({ code: "GLOSSARY_TERM_EXISTS", details: [{ path: "term" }] });
      expect(response.json().error.message).toContain(name);
    }
    // Also a term still waiting for review, and a manager's rename onto an existing term.
    const mine = aTerm();
    const first = (await lea.post("/api/glossary", mine)).json() as GlossaryTerm;
    expect((await omar.post("/api/glossary", aTerm(mine.term.toLowerCase()))).statusCode).toBe(409);
    const manager = await newManager(ctx);
    const rename = await manager.patch(`/api/glossary/${first.id}`, { term: "KPI" });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.details[0].path).toBe("term");
    expect((await manager.patch(`/api/glossary/${first.id}`, { term: mine.term.toUpperCase() })).statusCode).toBe(200);
  });

  it("lets one of several simultaneous proposals of the same term through, the others get 409", async () => {
    const team = await cast(
      ctx,
      ["a", "b", "c", "d"].map((key) => ({ key, withAccount: true })),
    );
    const clients = await Promise.all(["a", "b", "c", "d"].map((key) => team.as(key)));
    const name = `Simultané ${uniqueSuffix()}`;
    const statuses = (
      await Promise.all(clients.map((client, k) => client.post("/api/glossary", aTerm(k % 2 ? name.toUpperCase() : name))))
    ).map((r) => r.statusCode);
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
  });

  it("names each invalid field", async () => {
    const { lea } = await people();
    const pathsOf = async (body: unknown) => {
      const response = await lea.post("/api/glossary", body);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.details.map((d: { path: string }) => d.path);
    };
    expect(await pathsOf({ term: " ", definition: { fr: "Définition." } })).toEqual(["term"]);
    expect(await pathsOf({ term: "x".repeat(81), definition: { fr: "Définition." } })).toEqual(["term"]);
    expect(await pathsOf({ term: `Sans définition ${uniqueSuffix()}`, definition: { fr: "", en: " " } })).toEqual(["definition.fr"]);
    expect(await pathsOf({ term: `Long ${uniqueSuffix()}`, definition: { en: "y".repeat(1001) } })).toEqual(["definition.en"]);
    expect(await pathsOf({ ...aTerm(), skillIds: ["inconnue"] })).toEqual(["skillIds"]);
    expect(await pathsOf({ ...aTerm(), status: "approved" })).toEqual([""]);

    const french = (await lea.post("/api/glossary", { term: `Vide ${uniqueSuffix()}`, definition: {} })).json().error.details;
    expect(french.map((d: { message: string }) => d.message)).toContain(
      "Écrivez la définition en français, en anglais ou dans les deux langues.",
    );
  });

  it("answers 404 for a term that does not exist, 400 for an id that is not one", async () => {
    const { lea, manager } = await people();
    const unknown = "00000000-0000-4000-8000-00000000dead";
    expect((await lea.get(`/api/glossary/${unknown}`)).statusCode).toBe(404);
    expect((await manager.post(`/api/glossary/${unknown}/approve`)).statusCode).toBe(404);
    expect((await manager.patch(`/api/glossary/${unknown}`, { term: "Rien" })).statusCode).toBe(404);
    expect((await lea.get("/api/glossary/pas-un-id")).statusCode).toBe(400);
    expect((await lea.get("/api/glossary?status=publie")).statusCode).toBe(400);
  });

  it("is for logged-in people only", async () => {
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get("/api/glossary")).statusCode).toBe(401);
    expect((await anonymous.post("/api/glossary", aTerm())).statusCode).toBe(401);
  });
});
