/**
 * `npm run bench:sessions [-- --pairs N] [-- --engine pglite|postgres]`: a running programme of 5,000 pairs
 * (N with --pairs) with a year of their workspace — a session every two weeks (26 per pair: held, missed, a few
 * cancelled, the next ones scheduled), two agenda items each, both people's notes and journal after each held
 * session, an action item per held session, four goals per pair with progress updates, three resources — written
 * in SQL (generate_series), then measured through the API as the web app calls it, on PGlite (a data directory
 * in a temp dir) and on PostgreSQL (a database created and dropped on BENCH_DATABASE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres):
 * - the pair page: the requests its workspace makes (the pair, its sessions, goals, resources, open action
 *   items), one after the other, for 100 people of different pairs, 5 rounds: p50 and p95;
 * - the sessions list alone (`GET /api/pairs/:id/sessions`, the fixed interface): p50 and p95;
 * - the peer, measured in the same run: `GET /api/me` (the session lookup every request pays), p50 and p95;
 * - a day's reminder run: the hourly sweep run for each hour of one day (sessions tomorrow, agendas due,
 *   action items due, pairs with no session for three weeks) plus the managers' weekly digest, and what it sent.
 * Targets (issue 13, PostgreSQL): pair page p95 under 150 ms, a day's reminders under 10 s.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { type Database, openDatabase } from "../server/db/client.ts";
import { insertUser } from "../server/modules/accounts/index.ts";
import { sendSessionReminders, sendWeeklySessionDigests } from "../server/modules/sessions/index.ts";
import { syncCatalogueFromFile } from "../server/modules/skills/index.ts";
import { hashPassword } from "../server/platform/auth/passwords.ts";
import { manualClock } from "../server/platform/clock/clock.ts";
import { mailSettings } from "../server/platform/mail/index.ts";
import { createProgramme } from "../server/test/programme-builders.ts";
import { TestClient } from "../server/test/test-app.ts";

const argValue = (name: string) => {
  const at = process.argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const arg = process.argv[at] as string;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : process.argv[at + 1];
};
const pairCount = Number(argValue("--pairs") ?? 5000);
if (!Number.isInteger(pairCount) || pairCount < 100) throw new Error("--pairs expects a whole number of at least 100");
const only = argValue("--engine");
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SAMPLED = 100;
const ROUNDS = 5;
const PASSWORD = "une longue phrase de passe";
/** Monday 7 December 2026, 00:30 in Paris: the day whose reminders are measured (a Monday: the weekly digest runs). */
const DAY_START = new Date("2026-12-06T23:30:00Z");

console.log(
  `Sessions benchmark: ${pairCount.toLocaleString("en")} pairs with a year of sessions, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);

type Stats = { p50: number; p95: number };
type Result = {
  engine: string;
  seedSeconds: number;
  rows: Record<string, number>;
  pairPage: Stats;
  sessionsList: Stats;
  peer: Stats;
  reminders: { seconds: number; sent: Record<string, number> };
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const stats = (values: number[]): Stats => ({ p50: percentile(values, 50), p95: percentile(values, 95) });

/** Rows of a query on either engine. */
async function rowsOf<T>(database: Database, text: string): Promise<T[]> {
  return ((await database.executeSql(text)) as unknown as { rows: T[] }).rows;
}

/** The year of workspace, in SQL: people, pairs, sessions, agendas, notes, action items, goals, resources. */
async function seed(database: Database, programmeId: string, now: Date) {
  const run = (statement: ReturnType<typeof sql>) => database.db.execute(statement);
  const at = now.toISOString();
  await run(sql`insert into people (employee_id, first_name, last_name, email, created_at, updated_at)
    select 'B' || lpad(g::text, 6, '0'), case when g % 2 = 0 then 'Junior' else 'Senior' end, 'N' || g, 'p' || g || '@bench.test', ${at}::timestamptz, ${at}::timestamptz
    from generate_series(1, ${pairCount * 2}) g`);
  await run(sql`insert into pairs (programme_id, mentor_id, mentee_id, state, origin, created_at, updated_at)
    select ${programmeId}::uuid, m.id, s.id, 'active', 'matching', ${at}::timestamptz - interval '380 days', ${at}::timestamptz - interval '380 days'
    from (select id, row_number() over (order by employee_id) k from people where first_name = 'Junior' and email like '%@bench.test') m
    join (select id, row_number() over (order by employee_id) k from people where first_name = 'Senior' and email like '%@bench.test') s using (k)`);
  // A session every 14 days per pair, its day offset spread over two weeks; the last two of the 26 are ahead.
  await run(sql`insert into pair_sessions (pair_id, starts_at, ends_at, mode, location, status, sequence, agenda_due_at, created_at, updated_at)
    select p.id, t.starts, t.starts + interval '1 hour', case when n % 3 = 0 then 'in_person' else 'online' end,
      case when n % 3 = 0 then 'Salle Lumière' else 'https://visio.example.com/' || left(p.id::text, 8) end,
      case when t.starts > ${at}::timestamptz then 'scheduled' when n % 20 = 0 then 'cancelled' when n % 10 = 0 then 'missed' else 'held' end,
      0, t.starts - interval '48 hours', t.starts - interval '10 days', t.starts - interval '10 days'
    from (select id, row_number() over (order by id) k from pairs where programme_id = ${programmeId}::uuid) p
    cross join generate_series(0, 25) n
    cross join lateral (select date_trunc('day', ${at}::timestamptz) + interval '13 hours' - interval '336 days' + (n * 14 + p.k % 14) * interval '1 day' as starts) t`);
  await run(sql`insert into agenda_items (session_id, kind, text, author_person_id, position, created_at)
    select s.id, case when i = 1 then 'topic' else 'practice' end, case when i = 1 then 'Automatiser le rapport mensuel' else 'Créer un tableau croisé dynamique' end,
      p.mentee_id, i, s.starts_at - interval '3 days'
    from pair_sessions s join pairs p on p.id = s.pair_id cross join generate_series(1, 2) i
    where p.programme_id = ${programmeId}::uuid and (s.status <> 'scheduled' or s.starts_at > ${at}::timestamptz + interval '3 days')`);
  await run(sql`insert into session_notes (session_id, author_person_id, notes, journal, is_shared, created_at, updated_at)
    select s.id, who.person, 'Nous avons automatisé la première étape du rapport. Prochaine fois : les filtres.', 'J’ai compris comment une formule se recopie.', who.person = p.mentor_id, s.ends_at, s.ends_at
    from pair_sessions s join pairs p on p.id = s.pair_id cross join lateral (values (p.mentor_id), (p.mentee_id)) who(person)
    where p.programme_id = ${programmeId}::uuid and s.status = 'held'`);
  await run(sql`insert into action_items (pair_id, session_id, text, owner_person_id, due_on, done_at, created_at)
    select s.pair_id, s.id, 'Refaire l’exercice seul', p.mentee_id, to_char(s.starts_at + interval '7 days', 'YYYY-MM-DD'),
      case when s.starts_at < ${at}::timestamptz - interval '14 days' then s.starts_at + interval '5 days' end, s.ends_at
    from pair_sessions s join pairs p on p.id = s.pair_id where p.programme_id = ${programmeId}::uuid and s.status = 'held'`);
  await run(sql`insert into goals (pair_id, learner_role, skill_ids, statement, target, due_on, status, created_by_person_id, agreed_at, created_at, updated_at)
    select p.id, case when i <= 2 then 'mentee' else 'mentor' end, '{}', 'Objectif ' || i, 'Cible mesurable ' || i, '2027-06-30',
      case when i = 1 then 'achieved' when i = 4 then 'not_started' else 'in_progress' end, p.mentee_id, p.created_at, p.created_at, p.created_at
    from pairs p cross join generate_series(1, 4) i where p.programme_id = ${programmeId}::uuid`);
  await run(sql`insert into goal_updates (goal_id, author_person_id, status, note, created_at)
    select g.id, g.created_by_person_id, 'in_progress', 'Avancée ' || i, g.created_at + i * interval '30 days'
    from goals g join pairs p on p.id = g.pair_id cross join generate_series(1, 2) i where p.programme_id = ${programmeId}::uuid`);
  await run(sql`insert into pair_resources (pair_id, title, url, added_by_person_id, created_at)
    select p.id, 'Ressource ' || i, 'https://example.com/ressource/' || i, p.mentor_id, p.created_at
    from pairs p cross join generate_series(1, 3) i where p.programme_id = ${programmeId}::uuid`);
  if (database.kind === "postgres") await run(sql`analyze`);
  const counted: Record<string, number> = {};
  for (const table of [
    "pairs",
    "pair_sessions",
    "agenda_items",
    "session_notes",
    "action_items",
    "goals",
    "goal_updates",
    "pair_resources",
  ]) {
    counted[table] = Number((await rowsOf<{ n: number }>(database, `select count(*)::int as n from ${table}`))[0]?.n);
  }
  return counted;
}

async function benchmark(engine: "pglite" | "postgres", target: string): Promise<Result> {
  const database =
    engine === "pglite" ? await openDatabase({ kind: "pglite", dataDir: target }) : await openDatabase({ kind: "postgres", url: target });
  await database.migrate();
  await syncCatalogueFromFile(database);
  const clock = manualClock(new Date(DAY_START.getTime() - 3600_000));
  const config = loadConfig({ PASSERELLE_PUBLIC_URL: "https://passerelle.bench.test", LOG_LEVEL: "silent" });
  const mail = mailSettings(config);
  const app = await buildApp({ database, clock, config, mail });
  await app.ready();
  const passwordHash = await hashPassword(PASSWORD);
  await insertUser(database.db, {
    email: "rh@bench.test",
    displayName: "RH",
    passwordHash,
    status: "active",
    locale: "fr",
    roles: ["manager"],
    now: clock.now(),
  });
  const hr = new TestClient(app);
  await hr.login("rh@bench.test", PASSWORD);
  const programmeId = await createProgramme(hr, { startsOn: "2025-11-01", endsOn: "2027-10-31", requiresOnboarding: false });
  for (const phase of ["enrolment", "matching", "running"]) await hr.post(`/api/programmes/${programmeId}/phase`, { phase });

  let started = performance.now();
  const rows = await seed(database, programmeId, clock.now());
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `  ${engine}: ${Object.entries(rows)
      .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
      .join(", ")} written in ${seedSeconds.toFixed(1)} s`,
  );

  // 100 people of different pairs log in (half mentors, half mentees).
  const sampled = await rowsOf<{ id: string; mentor_id: string; mentee_id: string }>(
    database,
    `select id, mentor_id, mentee_id from pairs where programme_id = '${programmeId}' order by id limit ${SAMPLED}`,
  );
  // Each person from an address of their own, as in real use: one address would hit the API's rate limit (600 a minute).
  const clients: { get: (url: string) => Promise<{ statusCode: number; body: string }>; pairId: string }[] = [];
  for (const [k, pair] of sampled.entries()) {
    const personId = k % 2 ? pair.mentee_id : pair.mentor_id;
    const email = `login${k}@bench.test`;
    const user = await insertUser(database.db, {
      email,
      displayName: `Login ${k}`,
      passwordHash,
      status: "active",
      locale: "fr",
      roles: ["participant"],
      now: clock.now(),
    });
    await database.db.execute(sql`update users set person_id = ${personId}::uuid where id = ${user.id}::uuid`);
    const client = new TestClient(app);
    await client.login(email, PASSWORD);
    const cookie = `passerelle_session=${client.sessionCookie}`;
    const remoteAddress = `10.13.${Math.floor(k / 250)}.${(k % 250) + 1}`;
    clients.push({ get: (url) => app.inject({ method: "GET", url, headers: { cookie }, remoteAddress }), pairId: pair.id });
  }
  const expectOk = (response: { statusCode: number; body: string }, url: string) => {
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  };
  const pageUrls = (id: string) => [
    `/api/pairs/${id}`,
    `/api/pairs/${id}/sessions`,
    `/api/pairs/${id}/goals`,
    `/api/pairs/${id}/resources`,
    `/api/pairs/${id}/action-items?open=true`,
  ];
  const pairPage: number[] = [];
  const sessionsList: number[] = [];
  const peer: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const { get, pairId } of clients) {
      let t = performance.now();
      for (const url of pageUrls(pairId)) expectOk(await get(url), url);
      const page = performance.now() - t;
      t = performance.now();
      expectOk(await get(`/api/pairs/${pairId}/sessions`), "sessions");
      const list = performance.now() - t;
      t = performance.now();
      expectOk(await get("/api/me"), "/api/me");
      const me = performance.now() - t;
      // Round 0 warms the JIT and the caches up.
      if (round > 0) {
        pairPage.push(page);
        sessionsList.push(list);
        peer.push(me);
      }
    }
  }

  // A day's reminders: the hourly sweep at each hour of Monday 7 December 2026 (Paris), and the weekly digest.
  const deps = { database, clock, config, mail };
  const sent: Record<string, number> = {};
  started = performance.now();
  for (let hour = 0; hour < 24; hour++) {
    clock.set(new Date(DAY_START.getTime() + hour * 3600_000));
    const counts = (await sendSessionReminders(deps)) as unknown as Record<string, number>;
    for (const [kind, n] of Object.entries(counts ?? {})) sent[kind] = (sent[kind] ?? 0) + Number(n);
    if (hour === 7) await sendWeeklySessionDigests(deps);
  }
  const reminderSeconds = (performance.now() - started) / 1000;
  await app.close();
  await database.close();
  return {
    engine,
    seedSeconds,
    rows,
    pairPage: stats(pairPage),
    sessionsList: stats(sessionsList),
    peer: stats(peer),
    reminders: { seconds: reminderSeconds, sent },
  };
}

const results: Result[] = [];
if (only !== "postgres") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-sessions-bench-"));
  try {
    results.push(await benchmark("pglite", dataDir));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (only !== "pglite") {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
    const name = `passerelle_bench_sessions_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      results.push(await benchmark("postgres", url.toString()));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } catch (err) {
    console.log(`PostgreSQL skipped: ${(err as Error).message.split("\n")[0]} (set BENCH_DATABASE_URL)`);
  } finally {
    await admin.end().catch(() => {});
  }
}

const ms = (n: number) => `${n.toFixed(1)}`;
console.log(
  `\n| engine | pair page p50 / p95 (ms) | sessions list p50 / p95 (ms) | peer GET /api/me p50 / p95 (ms) | pair page p95 ÷ peer p95 | a day's reminders (s) | sent |`,
);
console.log("|---|---|---|---|---|---|---|");
for (const r of results) {
  const sentText = Object.entries(r.reminders.sent)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  console.log(
    `| ${r.engine} | ${ms(r.pairPage.p50)} / ${ms(r.pairPage.p95)} | ${ms(r.sessionsList.p50)} / ${ms(r.sessionsList.p95)} | ${ms(r.peer.p50)} / ${ms(r.peer.p95)} | ${(r.pairPage.p95 / r.peer.p95).toFixed(1)}× | ${r.reminders.seconds.toFixed(2)} | ${sentText} |`,
  );
}
const postgres = results.find((r) => r.engine === "postgres");
if (postgres)
  console.log(
    `\nPostgreSQL targets: pair page p95 ${ms(postgres.pairPage.p95)} ms (< 150 ms: ${postgres.pairPage.p95 < 150 ? "met" : "missed"}); a day's reminders ${postgres.reminders.seconds.toFixed(2)} s (< 10 s: ${postgres.reminders.seconds < 10 ? "met" : "missed"})`,
  );
const lite = results.find((r) => r.engine === "pglite");
if (postgres && lite) console.log(`PGlite pair page p95 = ${(lite.pairPage.p95 / postgres.pairPage.p95).toFixed(1)}× PostgreSQL's`);
