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
