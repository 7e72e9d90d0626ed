import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, createUser, TestClient, type TestContext } from "../../test/test-app.ts";
import { insertPeople } from "../people/index.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.database.db.execute(sql`truncate users, sessions, invitations, login_failures, people cascade`);
});

const tokenOf = (link: string) => link.split("/").pop() as string;

async function loggedIn(email: string, roles: ("admin" | "manager" | "participant")[], locale: "fr" | "en" = "fr") {
  await createUser(ctx, { email, roles, locale });
  const client = new TestClient(ctx.app);
  await client.login(email);
  return client;
}

const accountOf = async (admin: TestClient, email: string) => (await admin.get(`/api/admin/accounts?q=${email}`)).json().items[0];

describe("a manager re-inviting a pending account", () => {
  it("cannot take over a pending administrator invitation by inviting the same email as a participant", async () => {
    const admin = await loggedIn("admin@example.fr", ["admin"]);
    const manager = await loggedIn("rh@example.fr", ["manager"]);
    const invited = await admin.post("/api/admin/invitations", { email: "dsi@example.fr", displayName: "Nouvelle DSI", roles: ["admin"] });
    expect(invited.statusCode).toBe(201);

    const takeover = await manager.post("/api/admin/invitations", {
      email: "dsi@example.fr",
      displayName: "Nouvelle DSI",
      roles: ["participant"],
    });
    expect(takeover.statusCode).toBe(403);
    expect(takeover.json().error).toMatchObject({ code: "CANNOT_GRANT_ROLE", message: "Vous ne pouvez pas attribuer le rôle « admin »." });

    // Nothing changed: still an administrator to be, and the administrator's link still works.
    expect(await accountOf(admin, "dsi@example.fr")).toMatchObject({ status: "invited", roles: ["admin"] });
    expect((await new TestClient(ctx.app).get(`/api/invitations/${tokenOf(invited.json().link)}`)).statusCode).toBe(200);
  });

  it("cannot touch a pending manager invitation either, but may re-invite a pending participant", async () => {
    const admin = await loggedIn("admin@example.fr", ["admin"]);
    const manager = await loggedIn("rh@example.fr", ["manager"]);
    await admin.post("/api/admin/invitations", { email: "rh2@example.fr", displayName: "RH 2", roles: ["manager", "participant"] });
    const refused = await manager.post("/api/admin/invitations", { email: "rh2@example.fr", displayName: "RH 2", roles: ["participant"] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("CANNOT_GRANT_ROLE");

    const first = await manager.post("/api/admin/invitations", { email: "lea@example.fr", displayName: "Léa", roles: ["participant"] });
    const again = await manager.post("/api/admin/invitations", { email: "lea@example.fr", displayName: "Léa", roles: ["participant"] });
    expect(again.statusCode).toBe(201);
    expect((await new TestClient(ctx.app).get(`/api/invitations/${tokenOf(first.json().link)}`)).statusCode).toBe(404);
  });

  it("lets an administrator change a pending invitation's roles", async () => {
    const admin = await loggedIn("admin@example.fr", ["admin"]);
    await admin.post("/api/admin/invitations", { email: "dsi@example.fr", displayName: "DSI", roles: ["admin"] });
    expect(
      (await admin.post("/api/admin/invitations", { email: "dsi@example.fr", displayName: "DSI", roles: ["participant"] })).statusCode,
    ).toBe(201);
    expect(await accountOf(admin, "dsi@example.fr")).toMatchObject({ status: "invited", roles: ["participant"] });
  });
});

describe("inviting an email the directory gives to a person who already has an account", () => {
  const person = (employeeId: string, firstName: string, email: string) => ({ employeeId, firstName, lastName: "Durand", email });

  it("answers 409 naming the person and the account that hold it, in French and in English", async () => {
    const hr = await loggedIn("rh@example.fr", ["manager"]);
    await insertPeople(ctx.database.db, [person("E001", "Camille", "c.durand@example.fr")]);
    // Camille's account is linked to her directory entry through the email they share.
    await createUser(ctx, { email: "c.durand@example.fr", displayName: "Camille Durand" });
    // The next HR import gives Camille a new address and her old one to a namesake (the import
    // updates people by employee id, email included: people-import.repository.ts).
    await ctx.database.db.execute(sql`update people set email = 'camille.durand@example.fr' where employee_id = 'E001'`);
    await insertPeople(ctx.database.db, [person("E002", "Claude", "c.durand@example.fr")]);

    const response = await hr.post("/api/admin/invitations", {
      email: "camille.durand@example.fr",
      displayName: "Camille Durand",
      roles: ["participant"],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: "PERSON_HAS_ACCOUNT",
      message:
        "Dans l’annuaire, camille.durand@example.fr est l’adresse de Camille Durand (matricule E001), qui a déjà un compte : c.durand@example.fr.",
      details: [
        {
          path: "email",
          message:
            "Dans l’annuaire, camille.durand@example.fr est l’adresse de Camille Durand (matricule E001), qui a déjà un compte : c.durand@example.fr.",
        },
      ],
    });
    const english = await loggedIn("hr@example.fr", ["manager"], "en");
    expect(
      (
        await english.post("/api/admin/invitations", { email: "camille.durand@example.fr", displayName: "C", roles: ["participant"] })
      ).json().error.message,
    ).toBe(
      "In the directory, camille.durand@example.fr is the address of Camille Durand (employee E001), who already has an account: c.durand@example.fr.",
    );

    const admin = await loggedIn("admin@example.fr", ["admin"]);
    expect(await accountOf(admin, "camille.durand@example.fr")).toBeUndefined();
  });
});
