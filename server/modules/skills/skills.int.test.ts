import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { syncCatalogueFromFile } from "./skills.service.ts";

let ctx: TestContext;
let admin: TestClient;
let participant: TestClient;
beforeAll(async () => {
  ctx = await createTestApp();
  await createUser(ctx, { email: "admin@exemple.fr", roles: ["admin"] });
  await createUser(ctx, { email: "lea@exemple.fr", roles: ["participant"] });
  admin = new TestClient(ctx.app);
  await admin.login("admin@exemple.fr");
  participant = new TestClient(ctx.app);
  await participant.login("lea@exemple.fr");
});
afterAll(() => ctx.close());

const topSkill = async (q: string) => (await participant.get(`/api/skills/search?q=${encodeURIComponent(q)}`)).json().items[0]?.skill.id;

describe("skills catalogue", () => {
  it("is loaded at start with both families, bilingual labels and DigComp references", async () => {
    const catalogue = (await participant.get("/api/skills")).json();
    const digital = catalogue.skills.filter((s: { family: string }) => s.family === "digital");
    const reverse = catalogue.skills.filter((s: { family: string }) => s.family === "reverse");
    expect(digital.length).toBeGreaterThanOrEqual(40);
    expect(reverse.length).toBeGreaterThanOrEqual(15);
    expect(catalogue.skills.find((s: { id: string }) => s.id === "prompting")).toMatchObject({
      label: { fr: expect.any(String), en: expect.any(String) },
      digcomp: expect.arrayContaining(["3.1"]),
    });
  });

  it.each([
    ["chatgpt", "prompting"],
    ["tableau croisé", "excel"],
    ["zapier", "zapier"],
    ["référencement", "seo"],
    ["growth", "growth"],
    ["je veux apprendre à faire des pubs Facebook", "social_ads"],
    ["dashboards Power BI", "dataviz"],
    ["TABLEAU CROISE DYNAMIQUE", "excel"],
  ])("finds the right skill for %j", async (query, id) => {
    expect(await topSkill(query)).toBe(id);
  });

  it("lets an admin add an organisation skill with synonyms, rename a catalogue skill, and archive one; a restart keeps it all", async () => {
    const created = await admin.post("/api/admin/skills", {
      categoryId: "automation",
      label: { fr: "Notre ERP maison", en: "Our in-house ERP" },
      synonyms: ["Sésame", "erp interne"],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: "org_notre_erp_maison", isCustom: true, customSynonyms: ["sésame", "erp interne"] });
    expect(await topSkill("sesame")).toBe("org_notre_erp_maison");

    await admin.patch("/api/admin/skills/excel", { label: { fr: "Excel avancé", en: "Advanced Excel" }, customSynonyms: ["tcd maison"] });
    await admin.patch("/api/admin/skills/blockchain", { isArchived: true });
    await syncCatalogueFromFile(ctx.database);
    const catalogue = (await participant.get("/api/skills")).json().skills;
    expect(catalogue.find((s: { id: string }) => s.id === "excel")).toMatchObject({
      label: { fr: "Excel avancé", en: "Advanced Excel" },
      customSynonyms: ["tcd maison"],
    });
    expect(catalogue.find((s: { id: string }) => s.id === "blockchain").isArchived).toBe(true);
    expect(await topSkill("tcd maison")).toBe("excel");
    expect(await topSkill("blockchain")).not.toBe("blockchain");
  });

  it("never hard-deletes a catalogue skill or a skill in use, and is for admins only", async () => {
    expect((await admin.request("DELETE", "/api/admin/skills/seo")).statusCode).toBe(409);
    const mine = (
      await admin.post("/api/admin/skills", { categoryId: "data", label: { fr: "Outil interne", en: "Internal tool" } })
    ).json();
    await participant.request("PUT", "/api/me/profile", {
      teach: [],
      learn: [{ skillId: mine.id, priority: 1 }],
      offer: [],
      interests: [],
      availability: [],
      format: null,
      languages: ["fr"],
      mentorCapacity: 1,
      hopes: null,
    });
    const inUse = await admin.request("DELETE", `/api/admin/skills/${mine.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe("SKILL_IN_USE");
    const unused = (await admin.post("/api/admin/skills", { categoryId: "data", label: { fr: "Essai", en: "Trial" } })).json();
    expect((await admin.request("DELETE", `/api/admin/skills/${unused.id}`)).statusCode).toBe(200);
    expect((await participant.post("/api/admin/skills", { categoryId: "data", label: { fr: "X", en: "X" } })).statusCode).toBe(403);
    expect((await participant.patch("/api/admin/skills/seo", { isArchived: true })).statusCode).toBe(403);
  });
});

describe("self-assessment scale", () => {
  type Level = { value: number; label: { fr: string; en: string }; description: Record<string, { fr: string; en: string }> };
  const descriptionsFor = async (skillId: string) => {
    const skill = (await participant.get("/api/skills")).json().skills.find((s: { id: string }) => s.id === skillId);
    const scale = await participant.get("/api/self-assessment/scale");
    expect(scale.statusCode).toBe(200);
    return (scale.json().levels as Level[]).map((level) => level.description[skill.family]);
  };

  it("describes each level in the words of the skill's family: leadership and strategy are not a matter of tutorials", async () => {
    const strategy = await descriptionsFor("strategy");
    expect(strategy).toHaveLength(5);
    expect(strategy[1]?.fr).not.toMatch(/tutoriel/i);
    expect(strategy[1]?.en).not.toMatch(/tutorial/i);
    expect(strategy[1]?.fr).toMatch(/conseils|expérimenté/);
    const prompting = await descriptionsFor("prompting");
    expect(prompting[1]?.fr).toMatch(/tutoriel/);
  });

  it("keeps the 0–4 values, their labels and, for digital skills, the DigComp levels; only for people logged in", async () => {
    const levels = (await participant.get("/api/self-assessment/scale")).json().levels;
    expect(levels.map((l: { value: number }) => l.value)).toEqual([0, 1, 2, 3, 4]);
    expect(levels[4]).toMatchObject({
      label: { fr: "Je peux guider les autres", en: "I can guide others" },
      digcomp: { levels: [6, 7, 8] },
    });
    expect((await new TestClient(ctx.app).get("/api/self-assessment/scale")).statusCode).toBe(401);
  });
});
