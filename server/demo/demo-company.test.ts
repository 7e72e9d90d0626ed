import { describe, expect, it } from "vitest";
import { buildDemoCompany, DEMO_COMPANY_NAME, DEMO_DOMAIN, type DemoPerson } from "./demo-company.ts";

const company = buildDemoCompany();
const { people, accounts } = company;
const byId = new Map<string, DemoPerson>(people.map((p) => [p.employeeId, p]));

/** Ids of every manager above `employeeId`, nearest first. */
function chainAbove(employeeId: string): string[] {
  const chain: string[] = [];
  let current = byId.get(employeeId)?.managerEmployeeId ?? null;
  while (current !== null) {
    // Guard so a cycle makes the test fail instead of hanging.
    if (chain.includes(current) || chain.length > people.length) throw new Error(`Cycle at ${current}`);
    chain.push(current);
    current = byId.get(current)?.managerEmployeeId ?? null;
  }
  return chain;
}

/** Every key of every (nested) object, to catch forbidden fields at any depth. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => [key, ...allKeys(child)]);
  }
  return [];
}

describe("buildDemoCompany", () => {
  it("has a credible size", () => {
    expect(company.name).toBe(DEMO_COMPANY_NAME);
    expect(people.length).toBeGreaterThanOrEqual(60);
    expect(people.length).toBeLessThanOrEqual(100);
  });

  it("has unique employee ids and emails", () => {
    expect(new Set(people.map((p) => p.employeeId)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it("builds lowercase ASCII emails on the demo domain", () => {
    for (const p of people) {
      expect(p.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+[0-9]*@/);
      expect(p.email.endsWith(`@${DEMO_DOMAIN}`)).toBe(true);
    }
    const emails = people.map((p) => p.email);
    // Ligatures, accents and apostrophes are the cases NFD alone gets wrong.
    expect(emails).toContain(`isabelle.loeuillet@${DEMO_DOMAIN}`);
    expect(emails).toContain(`fatoumata.n-diaye@${DEMO_DOMAIN}`);
    expect(emails).toContain(`helene.verdier@${DEMO_DOMAIN}`);
  });

  it("forms a single tree rooted at the CEO", () => {
    for (const p of people) {
      if (p.managerEmployeeId !== null) expect(byId.has(p.managerEmployeeId)).toBe(true);
    }
    const roots = people.filter((p) => p.managerEmployeeId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.jobTitle).toMatch(/^Président(e)?-directeur|^Présidente-directrice/);
    let maxDepth = 0;
    for (const p of people) maxDepth = Math.max(maxDepth, chainAbove(p.employeeId).length);
    expect(maxDepth).toBeGreaterThanOrEqual(3);
    expect(maxDepth).toBeLessThanOrEqual(5);
  });

  it("gives managers managerial titles", () => {
    const managerIds = new Set(people.map((p) => p.managerEmployeeId).filter((id) => id !== null));
    for (const id of managerIds) {
      expect(byId.get(id)?.jobTitle).toMatch(/^(Président|Directeur|Directrice|Responsable|Chef|Cheffe)/);
    }
  });

  it("spans enough departments and sites", () => {
    expect(new Set(people.map((p) => p.department)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(people.map((p) => p.site)).size).toBeGreaterThanOrEqual(4);
  });

  it("keeps hire years and languages plausible", () => {
    for (const p of people) {
      expect(p.hireYear).toBeGreaterThanOrEqual(1988);
      expect(p.hireYear).toBeLessThanOrEqual(2026);
      expect(p.languages).toContain("fr");
      for (const code of p.languages) expect(code).toMatch(/^[a-z]{2}$/);
    }
  });

  it("contains no birth date or age field anywhere", () => {
    // Split camelCase/snake_case into words: a plain /age/ would flag "managerEmployeeId".
    const isForbidden = (key: string): boolean => {
      const words = key.split(/(?=[A-Z])|[_-]/).map((w) => w.toLowerCase());
      return words.some((w) => w === "age" || w === "ages" || w === "dob" || /birth|naissance/.test(w));
    };
    expect(allKeys(buildDemoCompany()).filter(isForbidden)).toEqual([]);
    expect(isForbidden("dateOfBirth") && isForbidden("age") && isForbidden("employee_age")).toBe(true);
  });

  it("is deterministic", () => {
    expect(buildDemoCompany()).toEqual(buildDemoCompany());
  });

  it("returns fresh objects on each call", () => {
    const first = buildDemoCompany();
    first.people[0]?.languages.push("xx");
    expect(buildDemoCompany().people[0]?.languages).not.toContain("xx");
  });

  it("defines consistent demo accounts", () => {
    for (const a of accounts) expect(byId.has(a.employeeId)).toBe(true);
    const admins = accounts.filter((a) => a.label === "admin");
    expect(admins).toHaveLength(1);
    expect(admins[0]?.roles).toContain("admin");
    expect(byId.get(admins[0]?.employeeId ?? "")?.department).toBe("Systèmes d'information");
    const hr = accounts.filter((a) => a.label === "hr-manager");
    expect(hr).toHaveLength(1);
    expect(byId.get(hr[0]?.employeeId ?? "")?.department).toBe("Ressources humaines");

    const juniors = accounts.filter((a) => a.label === "junior");
    const seniors = accounts.filter((a) => a.label === "senior");
    expect(juniors.length).toBeGreaterThanOrEqual(3);
    expect(seniors.length).toBeGreaterThanOrEqual(3);
    for (const j of juniors) expect(byId.get(j.employeeId)?.hireYear).toBeGreaterThanOrEqual(2023);
    for (const s of seniors) expect(byId.get(s.employeeId)?.hireYear).toBeLessThan(2005);
  });

  it("offers at least 3 junior/senior pairs outside each other's management chain", () => {
    const juniors = accounts.filter((a) => a.label === "junior").map((a) => a.employeeId);
    const seniors = accounts.filter((a) => a.label === "senior").map((a) => a.employeeId);
    let independentPairs = 0;
    for (const j of juniors) {
      for (const s of seniors) {
        if (!chainAbove(j).includes(s) && !chainAbove(s).includes(j)) independentPairs++;
      }
    }
    expect(independentPairs).toBeGreaterThanOrEqual(3);
  });
});
