import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, createUser, TEST_PASSWORD, type TestContext } from "../../test/test-app.ts";

/**
 * Login throttling seen from the network: who is counted (the address Fastify derives from the
 * socket and X-Forwarded-For) and who is blocked (docs/adr/0003-sessions-and-authentication.md).
 */

const PROXY = "10.0.0.2";

let behindProxy: TestContext;
let direct: TestContext;
let trustingAnyone: TestContext;
beforeAll(async () => {
  behindProxy = await createTestApp({ env: { PASSERELLE_TRUST_PROXY: PROXY } });
  // Misconfigured (the default) behind a proxy: every request seems to come from the proxy.
  direct = await createTestApp({ database: behindProxy.database });
  trustingAnyone = await createTestApp({ database: behindProxy.database, env: { PASSERELLE_TRUST_PROXY: "true" } });
});
afterAll(async () => {
  await trustingAnyone.close();
  await direct.close();
  await behindProxy.close();
});
beforeEach(async () => {
  await behindProxy.database.db.execute(sql`truncate users, sessions, login_failures cascade`);
});

const csrfByApp = new Map<FastifyInstance, { token: string; cookie: string }>();

/** One login attempt as a browser at `from` would make it, through the proxy when `via` is given. */
async function login(
  app: FastifyInstance,
  email: string,
  password: string,
  network: { from: string; via?: string; forgedForwardedFor?: string },
) {
  let csrf = csrfByApp.get(app);
  if (!csrf) {
    const response = await app.inject({ method: "GET", url: "/api/csrf-token" });
    csrf = { token: response.json().token, cookie: `_csrf=${response.cookies.find((c) => c.name === "_csrf")?.value}` };
    csrfByApp.set(app, csrf);
  }
  // A proxy appends the address it sees to whatever X-Forwarded-For the client sent (nginx's $proxy_add_x_forwarded_for).
  const chain = network.via ? [network.forgedForwardedFor, network.from].filter(Boolean).join(", ") : network.forgedForwardedFor;
  return app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: network.via ?? network.from,
    headers: { "x-csrf-token": csrf.token, cookie: csrf.cookie, ...(chain ? { "x-forwarded-for": chain } : {}) },
    payload: { email, password },
  });
}

const wrong = (i: number) => `mauvais mot de passe ${i}`;

describe("behind a trusted proxy", () => {
  it("counts failures against the client's real address, whatever it writes at the left of X-Forwarded-For", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    for (let i = 0; i < 10; i++) {
      const response = await login(behindProxy.app, "paul@example.fr", wrong(i), {
        from: "203.0.113.7",
        via: PROXY,
        forgedForwardedFor: `198.51.100.${i}`,
      });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, {
      from: "203.0.113.7",
      via: PROXY,
      forgedForwardedFor: "198.51.100.99",
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("counts an address spraying many accounts under its real address, not the forged ones", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    for (let account = 0; account < 20; account++) {
      const response = await login(behindProxy.app, `personne${account}@example.fr`, "Printemps2026!", {
        from: "203.0.113.7",
        via: PROXY,
        forgedForwardedFor: `198.51.100.${account}`,
      });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, {
      from: "203.0.113.7",
      via: PROXY,
      forgedForwardedFor: "192.0.2.1",
    });
    expect(blocked.statusCode).toBe(429);
  });

  it("ignores X-Forwarded-For from a client that reaches the app without the proxy", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    for (let i = 0; i < 10; i++) {
      const response = await login(behindProxy.app, "paul@example.fr", wrong(i), {
        from: "203.0.113.7",
        forgedForwardedFor: `198.51.100.${i}`,
      });
      expect(response.statusCode).toBe(401);
    }
    expect(
      (await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "203.0.113.7", forgedForwardedFor: "192.0.2.1" })).statusCode,
    ).toBe(429);
  });
});

describe("an account under attack", () => {
  it("still lets its owner log in from another address with the right password", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    for (let i = 0; i < 12; i++) await login(behindProxy.app, "paul@example.fr", wrong(i), { from: "203.0.113.7", via: PROXY });
    // The attacker's address is blocked on this account, even when it guesses right…
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "203.0.113.7", via: PROXY })).statusCode).toBe(429);
    // …but Paul, at his desk, is not.
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.10", via: PROXY })).statusCode).toBe(200);
  });

  it("from many addresses: each failing address is stopped on that account, the owner's fresh address is not", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    // 30 failures from 15 addresses, two each: the account is now under a distributed attack.
    for (let i = 0; i < 30; i++) {
      expect((await login(behindProxy.app, "paul@example.fr", wrong(i), { from: `198.51.100.${i % 15}`, via: PROXY })).statusCode).toBe(
        401,
      );
    }
    // From now on one failure is enough to stop an address on this account (instead of ten)…
    expect((await login(behindProxy.app, "paul@example.fr", wrong(30), { from: "198.51.100.200", via: PROXY })).statusCode).toBe(401);
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "198.51.100.200", via: PROXY })).statusCode).toBe(429);
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "198.51.100.3", via: PROXY })).statusCode).toBe(429);
    // …while an address that has not failed on it logs in with the right password.
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.10", via: PROXY })).statusCode).toBe(200);
  });

  it("lets its owner back in from an address where they logged in before, even after a typo", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.10", via: PROXY })).statusCode).toBe(200);
    for (let i = 0; i < 30; i++) await login(behindProxy.app, "paul@example.fr", wrong(i), { from: `198.51.100.${i}`, via: PROXY });
    expect((await login(behindProxy.app, "paul@example.fr", "une faute de frappe", { from: "192.0.2.10", via: PROXY })).statusCode).toBe(
      401,
    );
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.10", via: PROXY })).statusCode).toBe(200);
  });
});

describe("an account under attack from endless addresses", () => {
  it("gets at most 100 guesses in 15 minutes, even when PASSERELLE_TRUST_PROXY=true lets clients choose their address; its owner still logs in from a known address", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    const home = { from: "192.0.2.10", forgedForwardedFor: "192.0.2.10" };
    expect((await login(trustingAnyone.app, "paul@example.fr", TEST_PASSWORD, home)).statusCode).toBe(200);
    const answers = new Map<number, number>();
    for (let i = 0; i < 110; i++) {
      const forged = { from: "203.0.113.7", forgedForwardedFor: `198.51.${Math.floor(i / 250)}.${i % 250}` };
      const status = (await login(trustingAnyone.app, "paul@example.fr", wrong(i), forged)).statusCode;
      answers.set(status, (answers.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(answers)).toEqual({ 401: 100, 429: 10 });
    expect(
      (await login(trustingAnyone.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.99", forgedForwardedFor: "192.0.2.99" }))
        .statusCode,
    ).toBe(429);
    expect((await login(trustingAnyone.app, "paul@example.fr", TEST_PASSWORD, home)).statusCode).toBe(200);
  });
});

describe("one address shared by many people (TRUST_PROXY left at false behind a proxy)", () => {
  it("does not lock everyone out because some of them, or an attacker among them, failed on their accounts", async () => {
    await createUser(direct, { email: "claire@example.fr" });
    for (let account = 0; account < 5; account++) {
      for (let i = 0; i < 12; i++) await login(direct.app, `personne${account}@example.fr`, wrong(i), { from: PROXY });
    }
    expect((await login(direct.app, "personne0@example.fr", TEST_PASSWORD, { from: PROXY })).statusCode).toBe(429);
    expect((await login(direct.app, "claire@example.fr", TEST_PASSWORD, { from: PROXY })).statusCode).toBe(200);
  });

  it("stops an address trying many accounts (password spraying), except on accounts it has logged into before", async () => {
    await createUser(behindProxy, { email: "claire@example.fr" });
    await createUser(behindProxy, { email: "paul@example.fr" });
    const office = { from: "192.0.2.50", via: PROXY };
    expect((await login(behindProxy.app, "claire@example.fr", TEST_PASSWORD, office)).statusCode).toBe(200);
    for (let account = 0; account < 20; account++) {
      expect((await login(behindProxy.app, `personne${account}@example.fr`, "Printemps2026!", office)).statusCode).toBe(401);
    }
    const paul = await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, office);
    expect(paul.statusCode).toBe(429);
    expect(paul.headers["retry-after"]).toBe("900");
    expect((await login(behindProxy.app, "claire@example.fr", TEST_PASSWORD, office)).statusCode).toBe(200);
    // Paul elsewhere is not concerned.
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.51", via: PROXY })).statusCode).toBe(200);
    behindProxy.clock.advance(15 * 60_000 + 1);
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, office)).statusCode).toBe(200);
  });
});

describe("over IPv6", () => {
  it("counts one /64 as one address: rotating through it does not give more guesses", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    for (let i = 0; i < 10; i++) {
      expect((await login(behindProxy.app, "paul@example.fr", wrong(i), { from: `2001:db8:1:2::${i + 1}`, via: PROXY })).statusCode).toBe(
        401,
      );
    }
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "2001:db8:1:2::ff", via: PROXY })).statusCode).toBe(429);
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "2001:db8:1:3::1", via: PROXY })).statusCode).toBe(200);
  });
});

describe("concurrent attempts", () => {
  /** Fires the attempts all at once and tallies the answers by status. */
  async function tally(attempts: (() => Promise<{ statusCode: number }>)[]) {
    const statuses = (await Promise.all(attempts.map((attempt) => attempt()))).map((r) => r.statusCode);
    const counts: Record<number, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }

  it("give one address no more than 10 guesses on an account, however many it sends at once", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    const attempts = Array.from(
      { length: 40 },
      (_, i) => () => login(behindProxy.app, "paul@example.fr", wrong(i), { from: "203.0.113.7", via: PROXY }),
    );
    expect(await tally(attempts)).toEqual({ 401: 10, 429: 30 });
    // The refused attempts were not counted against the account: its owner elsewhere still logs in.
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: "192.0.2.10", via: PROXY })).statusCode).toBe(200);
  });

  it("give an account no more than 100 guesses from endless addresses at once", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    const attempts = Array.from(
      { length: 130 },
      (_, i) => () =>
        login(trustingAnyone.app, "paul@example.fr", wrong(i), { from: "203.0.113.7", forgedForwardedFor: `198.51.100.${i}` }),
    );
    expect(await tally(attempts)).toEqual({ 401: 100, 429: 30 });
  });

  it("let one address try no more than 20 accounts at once (password spraying)", async () => {
    const attempts = Array.from(
      { length: 35 },
      (_, i) => () => login(behindProxy.app, `personne${i}@example.fr`, "Printemps2026!", { from: "203.0.113.7", via: PROXY }),
    );
    expect(await tally(attempts)).toEqual({ 401: 20, 429: 15 });
  });

  it("mixing right and wrong passwords on several accounts from several addresses, each answer is the one it would get alone", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    await createUser(behindProxy, { email: "claire@example.fr" });
    const attempts = Array.from({ length: 10 }, (_, address) =>
      ["paul@example.fr", "claire@example.fr"].flatMap((email) =>
        [wrong(1), TEST_PASSWORD, wrong(2)].map(
          (password) => () => login(behindProxy.app, email, password, { from: `192.0.2.${address + 1}`, via: PROXY }),
        ),
      ),
    ).flat();
    expect(await tally(attempts)).toEqual({ 200: 20, 401: 40 });
  });

  it("do not count successful logins as failures of the account", async () => {
    await createUser(behindProxy, { email: "paul@example.fr" });
    const logins = Array.from(
      { length: 35 },
      (_, i) => () => login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, { from: `192.0.2.${i + 1}`, via: PROXY }),
    );
    expect(await tally(logins)).toEqual({ 200: 35 });
    // Had they counted, the account would look under attack (30) and one typo would stop a new address.
    const office = { from: "198.51.100.1", via: PROXY };
    expect((await login(behindProxy.app, "paul@example.fr", "une faute de frappe", office)).statusCode).toBe(401);
    expect((await login(behindProxy.app, "paul@example.fr", TEST_PASSWORD, office)).statusCode).toBe(200);
  });
});
