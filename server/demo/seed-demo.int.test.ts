import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestContext } from "../test/test-app.ts";
import { DEMO_PASSWORD, type DemoLogin, seedDemo } from "./seed-demo.ts";

let ctx: TestContext;
let logins: DemoLogin[];
beforeAll(async () => {
  ctx = await createTestApp();
  logins = await seedDemo(ctx.database, ctx.clock);
});
afterAll(() => ctx.close());

describe("demo seed", () => {
  it("gives working logins for an admin, an HR manager, juniors and seniors", async () => {
    const labels = logins.map((l) => l.label);
    expect(labels.filter((l) => l === "admin")).toHaveLength(1);
    expect(labels.filter((l) => l === "hr-manager")).toHaveLength(1);
    expect(labels.filter((l) => l === "junior").length).toBeGreaterThanOrEqual(3);
    expect(labels.filter((l) => l === "senior").length).toBeGreaterThanOrEqual(3);
    for (const login of logins) {
      const me = (await new TestClient(ctx.app).login(login.email, DEMO_PASSWORD)).json();
      expect(me.displayName).toBe(login.displayName);
    }
  });

  it("fills the directory with a French company of at least 60 people, linked to the accounts", async () => {
    const hr = logins.find((l) => l.label === "hr-manager") as DemoLogin;
    const manager = new TestClient(ctx.app);
    await manager.login(hr.email, DEMO_PASSWORD);
    const page = (await manager.get("/api/people?pageSize=100")).json();
    expect(page.total).toBeGreaterThanOrEqual(60);
    expect(page.departments.length).toBeGreaterThanOrEqual(7);
    expect(page.sites.length).toBeGreaterThanOrEqual(4);
    expect(page.items.filter((p: { account: unknown }) => p.account !== null)).toHaveLength(logins.length);
    expect(page.items.filter((p: { managerName: string | null }) => p.managerName === null)).toHaveLength(1);
  });
});

describe("demo profiles", () => {
  it("gives every demo person a complete profile and a self-assessment: juniors strong in digital skills, seniors in reverse skills", async () => {
    const { sql } = await import("drizzle-orm");
    const result = (await ctx.database.db.execute(sql`
      select p.hire_year, s.family, avg(a.level)::float as average
      from people p join self_assessments sa on sa.person_id = p.id join self_assessment_answers a on a.assessment_id = sa.id
      join skills k on k.id = a.skill_id join skill_categories s on s.id = k.category_id
      group by p.hire_year >= 2018, p.hire_year < 2008, p.hire_year, s.family`)) as unknown as {
      rows: { hire_year: number; family: string; average: number }[];
    };
    const mean = (rows: { average: number }[]) => rows.reduce((t, r) => t + r.average, 0) / rows.length;
    const juniors = result.rows.filter((r) => r.hire_year >= 2018);
    const seniors = result.rows.filter((r) => r.hire_year < 2008);
    expect(mean(juniors.filter((r) => r.family === "digital"))).toBeGreaterThan(mean(seniors.filter((r) => r.family === "digital")) + 1);
    expect(mean(seniors.filter((r) => r.family === "reverse"))).toBeGreaterThan(mean(juniors.filter((r) => r.family === "reverse")) + 1);

    const hr = new TestClient(ctx.app);
    await hr.login((logins.find((l) => l.label === "hr-manager") as DemoLogin).email, DEMO_PASSWORD);
    expect((await hr.get("/api/people?completeness=none")).json().total).toBe(0);
    expect((await hr.get("/api/people?completeness=complete")).json().total).toBeGreaterThanOrEqual(60);
  });
});

describe("demo programmes", () => {
  const loginAs = async (email: string) => {
    const client = new TestClient(ctx.app);
    await client.login(email, DEMO_PASSWORD);
    return client;
  };

  it("has a running pilot with 8 active pairs, and a second programme in matching with 60 enrolled and a run to review", async () => {
    const hr = await loginAs((logins.find((l) => l.label === "hr-manager") as DemoLogin).email);
    const programmes = (await hr.get("/api/programmes")).json().items;
    const pilot = programmes.find((p: { isPilot: boolean }) => p.isPilot);
    const second = programmes.find((p: { isPilot: boolean }) => !p.isPilot);
    expect(pilot).toMatchObject({ phase: "running" });
    const pairs = (await hr.get(`/api/programmes/${pilot.id}/pairs`)).json();
    expect(pairs.counts.active).toBe(8);
    expect(second).toMatchObject({ phase: "matching" });
    expect(second.enrolled.mentor + second.enrolled.mentee).toBe(60);
    const board = (await hr.get(`/api/programmes/${second.id}/enrolments`)).json();
    expect(board.counts.mentor.invited + board.counts.mentee.invited).toBeGreaterThan(5);
    const runs = (await hr.get(`/api/programmes/${second.id}/matching-runs`)).json().items;
    expect(runs).toHaveLength(1);
    expect(runs[0].pairs).toBeGreaterThan(15);
  });

  it("has open proposals for the junior accounts, and the proposals journey's mentee sees its mentors", async () => {
    const ines = await loginAs("ines.haddad@demo.passerelle.fr");
    const received = (await ines.get("/api/me/proposals")).json().items;
    expect(received.filter((p: { status: string; direction: string }) => p.status === "open" && p.direction === "received")).toHaveLength(
      1,
    );
    const jeanPierre = await loginAs("jean-pierre.le-floch@demo.passerelle.fr");
    const second = (await jeanPierre.get("/api/programmes")).json().items.find((p: { phase: string }) => p.phase === "matching");
    const mentors = (await jeanPierre.get(`/api/programmes/${second.id}/mentors?pageSize=50`)).json();
    const names = mentors.items.map((m: { mentor: { firstName: string } }) => m.mentor.firstName);
    expect(names).toEqual(expect.arrayContaining(["Inès", "Noémie"]));
  });
});
