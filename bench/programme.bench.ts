/**
 * `npm run bench:programme`: a programme's cohort matching at the size, through the API on the embedded
 * database. 5,000 enrolled people (2,500 mentors, 2,500 mentees, generated profiles) are matched with
 * `POST /api/programmes/:id/matching-runs`; the bench prints the engine's own time (scores, solve, certificate,
 * review), the whole request (reading the pool, storing the run) and a review page, against scipy's
 * `linear_sum_assignment` on the same score matrix measured in the same run (only its solve, in python).
 * Target (issue 5): the engine answers in under 2 s on 5,000 enrolled. N (people per side, default 2500) and
 * RUNS (default 3) can be set.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/client.ts";
import { people, profileSkills, profiles } from "../server/db/schema.ts";
import { insertUser } from "../server/modules/accounts/index.ts";
import { cohortProblem, type MatchingProfile } from "../server/modules/matching/index.ts";
import { syncCatalogueFromFile } from "../server/modules/skills/index.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { manualClock } from "../server/platform/clock/clock.ts";
import { createProgramme } from "../server/test/programme-builders.ts";
import { TestClient } from "../server/test/test-app.ts";
import { generateCompany } from "./matching-generators.ts";

const n = Number(process.env.N ?? 2500);
const runs = Number(process.env.RUNS ?? 3);
console.log(
  `Programme matching benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}`,
);

const database = await openDatabase({ kind: "pglite" });
await database.migrate();
await syncCatalogueFromFile(database);
const clock = manualClock(new Date("2026-12-01T09:00:00Z"));
const app = await buildApp({ database, clock, config: loadConfig({ PASSERELLE_PUBLIC_URL: "http://bench.test" }) });
await app.ready();

// The generated company, stored as directory people with profiles.
const company = generateCompany({ mentees: n, mentors: n, seed: 5 });
const all: (MatchingProfile & { role: "mentor" | "mentee" })[] = [
  ...company.mentors.map((p) => ({ ...p, role: "mentor" as const })),
  ...company.mentees.map((p) => ({ ...p, role: "mentee" as const })),
];
const now = clock.now();
const ids = new Map<string, string>();
let started = performance.now();
for (let k = 0; k < all.length; k += 1000) {
  const batch = all.slice(k, k + 1000);
  const inserted = await database.db
    .insert(people)
    .values(
      batch.map((p) => ({
        employeeId: p.employeeId as string,
        firstName: p.role === "mentor" ? "Junior" : "Senior",
        lastName: p.id,
        email: `${p.id}@bench.test`,
        department: p.team ?? null,
        managerEmployeeId: p.managerEmployeeId ?? null,
        languages: [...p.languages],
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: people.id, employeeId: people.employeeId });
  for (const r of inserted) ids.set(r.employeeId, r.id);
  await database.db.insert(profiles).values(
    batch.map((p) => ({
      personId: ids.get(p.employeeId as string) as string,
      format: p.format,
      availability: [...p.availability],
      interests: [...p.interests],
      languages: [...p.languages],
      mentorCapacity: 1,
      completeness: 100,
      updatedAt: now,
    })),
  );
  await database.db.insert(profileSkills).values(
    batch.flatMap((p) => {
      const personId = ids.get(p.employeeId as string) as string;
      return [
        ...p.teaches.map((t) => ({ personId, kind: "teach" as const, skillId: t.skill, level: t.level })),
        ...p.wantsToLearn.map((w) => ({ personId, kind: "learn" as const, skillId: w.skill, priority: w.priority })),
        ...p.offers.filter((o) => !p.teaches.some((t) => t.skill === o)).map((o) => ({ personId, kind: "offer" as const, skillId: o })),
      ];
    }),
  );
}
await insertUser(database.db, {
  email: "rh@bench.test",
  displayName: "RH",
  passwordHash: await hashPassword("une longue phrase de passe"),
  status: "active",
  locale: "fr",
  roles: ["manager"],
  now,
});
const hr = new TestClient(app);
await hr.login("rh@bench.test");
const programmeId = await createProgramme(hr, { matchingSettings: { ...(await template()).matchingSettings, minScore: 0.3 } });
for (const role of ["mentor", "mentee"] as const) {
  const employeeIds = all.filter((p) => p.role === role).map((p) => p.employeeId as string);
  const r = await hr.post(`/api/programmes/${programmeId}/enrolments`, { role, employeeIds });
  if (r.statusCode !== 200) throw new Error(r.body);
}
for (const phase of ["enrolment", "matching"]) await hr.post(`/api/programmes/${programmeId}/phase`, { phase });
console.log(`${all.length} people enrolled (${n} mentors, ${n} mentees) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function template() {
  return (await hr.get("/api/programme-templates")).json().items[0];
}

// Ours, through the API: the first run warms the JIT up, like the peer's python import.
const rows: { request: number; engine: number; page: number; pairs: number }[] = [];
for (let k = 0; k < runs; k++) {
  started = performance.now();
  const response = await hr.post(`/api/programmes/${programmeId}/matching-runs`, {});
  const request = performance.now() - started;
  if (response.statusCode !== 201) throw new Error(response.body);
  const run = response.json();
  started = performance.now();
  const page = await hr.get(`/api/programmes/${programmeId}/matching-runs/${run.id}?page=2&pageSize=25`);
  if (page.statusCode !== 200) throw new Error(page.body);
  rows.push({ request, engine: run.ms, page: performance.now() - started, pairs: run.pairs });
}

// Publishing the last run: its pairs, their first event and both people's notices, in one transaction.
const runsList = (await hr.get(`/api/programmes/${programmeId}/matching-runs`)).json().items;
started = performance.now();
const published = await hr.post(`/api/programmes/${programmeId}/matching-runs/${runsList[0].id}/publish`, {});
const publishMs = performance.now() - started;
if (published.statusCode !== 200) throw new Error(published.body);
// Closing: every pair completed or ended, with its event and notices.
await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "running" });
started = performance.now();
const closed = await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "closed" });
const closeMs = performance.now() - started;
if (closed.statusCode !== 200) throw new Error(closed.body);

// The peer: scipy on the same scores (forbidden pairs as a large negative score, which it then avoids).
const cohort = {
  mentors: company.mentors,
  mentees: company.mentees,
  orgChart: company.orgChart,
  settings: { ...(await template()).matchingSettings, managementChainDepth: undefined, minScore: 0.3 },
};
const { problem } = cohortProblem(cohort);
const matrix = Float64Array.from(problem.scores, (s) => (Number.isNaN(s) || s < 0.3 ? -1e6 : s));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-programme-bench-"));
const file = path.join(tmp, "scores.f64");
fs.writeFileSync(file, new Uint8Array(matrix.buffer));
const scipy = spawnSync("python3", [path.join(import.meta.dirname, "matching-scipy.py"), `${file}:${n}:${n}`], { encoding: "utf8" });
fs.rmSync(tmp, { recursive: true, force: true });
const peer = scipy.status === 0 ? (JSON.parse(scipy.stdout.trim().split("\n")[1] as string).seconds as number) * 1000 : Number.NaN;

const best = rows.slice(1).length ? rows.slice(1) : rows;
const engine = Math.min(...best.map((r) => r.engine));
const request = Math.min(...best.map((r) => r.request));
console.log("\n| run | engine (ms) | whole request (ms) | review page (ms) | pairs |");
console.log("|---|---|---|---|---|");
for (const [k, r] of rows.entries()) {
  console.log(
    `| ${k + 1}${k === 0 ? " (warm-up)" : ""} | ${r.engine.toFixed(0)} | ${r.request.toFixed(0)} | ${r.page.toFixed(0)} | ${r.pairs} |`,
  );
}
console.log(
  `\nengine ${engine.toFixed(0)} ms (target < 2000 ms: ${engine < 2000 ? "met" : "missed"}); whole request ${request.toFixed(0)} ms`,
);
console.log(`publish ${published.json().created} pairs: ${publishMs.toFixed(0)} ms; close the programme: ${closeMs.toFixed(0)} ms`);
console.log(
  Number.isNaN(peer)
    ? `scipy not available (${scipy.stderr?.trim() || scipy.error?.message}): no peer figure`
    : `scipy linear_sum_assignment, solve only, same matrix: ${peer.toFixed(0)} ms; our engine (scores + solve + certificate + review) = ${(engine / peer).toFixed(2)}× scipy's solve`,
);
await app.close();
await database.close();
