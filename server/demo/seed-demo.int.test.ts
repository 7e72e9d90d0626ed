import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TestClient, type TestContext } from "../test/test-app.ts";
import { DEMO_PASSWORD, type DemoLogin, seedDemo } from "./seed-demo.ts";

let ctx: TestContext;
let logins: DemoLogin[];
beforeAll(async () => {
  ctx = await createTestApp();
  logins = await seedDemo({ database: ctx.database, clock: ctx.clock, config: ctx.config });
});
afterAll(() => ctx.close());

describe("demo seed", () => {
  it("gives working logins for an admin, an HR manager, juniors, seniors and the programmes' participants", async () => {
    const labels = logins.map((l) => l.label);
    expect(labels.filter((l) => l === "admin")).toHaveLength(1);
    expect(labels.filter((l) => l === "hr-manager")).toHaveLength(1);
    expect(labels.filter((l) => l === "junior").length).toBeGreaterThanOrEqual(3);
    expect(labels.filter((l) => l === "senior").length).toBeGreaterThanOrEqual(3);
    // Everyone who answered a programme has an account too; those who have not answered yet, none.
    expect(labels.filter((l) => l === "participant").length).toBeGreaterThan(40);
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
    const withAccount = (status: string) => page.items.filter((p: { account: { status: string } | null }) => p.account?.status === status);
    expect(withAccount("active")).toHaveLength(logins.length);
    // The second programme's people who have not answered are invited to Passerelle, not in yet.
    expect(withAccount("invited").length).toBeGreaterThan(5);
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

  it("has a running pilot with 10 pairs, 8 active and 2 at their intro coffee, and a second programme in matching with 60 enrolled and a run to review", async () => {
    const hr = await loginAs((logins.find((l) => l.label === "hr-manager") as DemoLogin).email);
    const programmes = (await hr.get("/api/programmes")).json().items;
    const pilot = programmes.find((p: { isPilot: boolean }) => p.isPilot);
    const second = programmes.find((p: { isPilot: boolean }) => !p.isPilot);
    expect(pilot).toMatchObject({ phase: "running" });
    const pairs = (await hr.get(`/api/programmes/${pilot.id}/pairs`)).json();
    expect(pairs.counts.active).toBe(8);
    expect(pairs.counts.intro).toBe(2);
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

/**
 * The demo must tell one story a visitor can believe: nobody without an account has done anything,
 * nothing is answered before it happened or dated in the future, and nobody takes part in two
 * programmes at once. Each query lists the offenders, so a failure names them.
 */
describe("a coherent demo", () => {
  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> =>
    ((await ctx.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const hasAccount = (personColumn: ReturnType<typeof sql>) =>
    sql`exists (select 1 from users u where u.person_id = ${personColumn} and u.status = 'active')`;
  const nameOf = (personColumn: ReturnType<typeof sql>) =>
    sql`(select p.first_name || ' ' || p.last_name from people p where p.id = ${personColumn})`;

  it("only people with an account have answered a programme, sent or answered a proposal, prepared or answered an intro", async () => {
    const offenders = await rows<{ what: string; who: string }>(sql`
      select 'enrolment ' || e.status as what, ${nameOf(sql`e.person_id`)} as who from enrolments e
        where e.status <> 'invited' and not ${hasAccount(sql`e.person_id`)}
      union all select 'proposal sent', ${nameOf(sql`pr.mentee_id`)} from proposals pr where not ${hasAccount(sql`pr.mentee_id`)}
      union all select 'proposal ' || pr.status, ${nameOf(sql`pr.mentor_id`)} from proposals pr
        where pr.status in ('accepted', 'declined') and not ${hasAccount(sql`pr.mentor_id`)}
      union all select 'intro answer', ${nameOf(sql`a.person_id`)} from intro_answers a where not ${hasAccount(sql`a.person_id`)}
      union all select 'onboarding module', ${nameOf(sql`o.person_id`)} from onboarding_progress o where not ${hasAccount(sql`o.person_id`)}
      union all select 'charter', ${nameOf(sql`c.person_id`)} from charter_acceptances c where not ${hasAccount(sql`c.person_id`)}`);
    expect(offenders).toEqual([]);
  });

  it("answers an intro only after its coffee was scheduled and took place, and every active pair had its coffee", async () => {
    const now = ctx.clock.now();
    const answers = await rows<{ who: string; intro_at: string | null }>(sql`
      select ${nameOf(sql`a.person_id`)} as who, p.intro_at from intro_answers a join pairs p on p.id = a.pair_id
      where p.intro_at is null or p.intro_at > a.answered_at or a.answered_at > ${now}`);
    expect(answers).toEqual([]);
    const activeWithoutCoffee = await rows<{ id: string }>(sql`
      select p.id from pairs p where p.state = 'active'
      and (p.intro_at is null or p.intro_at > ${now} or (select count(*) from intro_answers a where a.pair_id = p.id) < 2)`);
    expect(activeWithoutCoffee).toEqual([]);
  });

  it("has nobody in two programmes at once", async () => {
    const twice = await rows<{ who: string; programmes: number }>(sql`
      select ${nameOf(sql`e.person_id`)} as who, count(*)::int as programmes
      from enrolments e join programmes g on g.id = e.programme_id
      where g.phase <> 'closed' and e.status <> 'declined'
      group by e.person_id having count(*) > 1`);
    expect(twice).toEqual([]);
  });

  it("dates nothing in the future, no answer before its question, nothing anyone did before their account existed", async () => {
    const now = ctx.clock.now();
    const late = await rows<{ what: string }>(sql`
      select 'programme created' as what from programmes where created_at > ${now}
      union all select 'enrolment' from enrolments where created_at > ${now} or answered_at > ${now} or answered_at < created_at
      union all select 'matching run' from matching_runs where created_at > ${now} or published_at > ${now}
      union all select 'pair' from pairs where created_at > ${now} or updated_at > ${now}
      union all select 'pair event' from pair_events where at > ${now}
      union all select 'proposal' from proposals where created_at > ${now}
      union all select 'notification' from notifications where created_at > ${now}
      union all select 'email' from mail_messages where created_at > ${now}
      union all select 'onboarding' from onboarding_progress where completed_at > ${now}`);
    expect(late).toEqual([]);
    const beforeTheirAccount = await rows<{ what: string; who: string }>(sql`
      select 'enrolment answer' as what, ${nameOf(sql`e.person_id`)} as who from enrolments e join users u on u.person_id = e.person_id
        where e.answered_at < u.created_at
      union all select 'intro answer', ${nameOf(sql`a.person_id`)} from intro_answers a join users u on u.person_id = a.person_id
        where a.answered_at < u.created_at
      union all select 'proposal', ${nameOf(sql`pr.mentee_id`)} from proposals pr join users u on u.person_id = pr.mentee_id
        where pr.created_at < u.created_at`);
    expect(beforeTheirAccount).toEqual([]);
  });

  it("shows a junior and a senior demo account each in an active pair of the pilot", async () => {
    const active = await rows<{ label: string }>(sql`
      select distinct u.email as label from pairs p join programmes g on g.id = p.programme_id
      join users u on u.person_id in (p.mentor_id, p.mentee_id)
      where g.is_pilot and p.state = 'active'`);
    const emails = active.map((r) => r.label);
    expect(logins.filter((l) => l.label === "junior" && emails.includes(l.email)).length).toBeGreaterThanOrEqual(1);
    expect(logins.filter((l) => l.label === "senior" && emails.includes(l.email)).length).toBeGreaterThanOrEqual(1);
  });
});

describe("the demo's outbox", () => {
  it("keeps every email of the story in the outbox, never sent: the invitations and the notifications", async () => {
    const { rows } = (await ctx.database.db.execute(
      sql`select template, status, count(*)::int as n from mail_messages group by template, status order by template, status`,
    )) as unknown as { rows: { template: string; status: string; n: number }[] };
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status !== "outbox")).toEqual([]);
    const count = (template: string) => rows.find((r) => r.template === template)?.n ?? 0;
    expect(count("invitation")).toBeGreaterThan(5);
    expect(count("notification")).toBeGreaterThan(20);
  });

  it("sends an invitation to each person invited to Passerelle, and nobody else", async () => {
    const { rows } = (await ctx.database.db.execute(sql`
      select u.email, u.status, (select count(*)::int from mail_messages m where m.to_user_id = u.id and m.template = 'invitation') as invitations
      from users u where u.status = 'invited' or exists (select 1 from mail_messages m where m.to_user_id = u.id and m.template = 'invitation')`)) as unknown as {
      rows: { email: string; status: string; invitations: number }[];
    };
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.status !== "invited" || r.invitations !== 1)).toEqual([]);
  });

  it("is readable by the demo admin: the list, one invitation with its link, no failed job", async () => {
    const admin = new TestClient(ctx.app);
    await admin.login((logins.find((l) => l.label === "admin") as DemoLogin).email, DEMO_PASSWORD);
    const page = (await admin.get("/api/admin/mail?limit=100")).json();
    expect(page.items.length).toBeGreaterThan(20);
    const invitation = page.items.find((m: { template: string }) => m.template === "invitation");
    expect(invitation).toMatchObject({ status: "outbox", subject: expect.stringContaining("Maison Verdier") });
    const toThem = (await admin.get(`/api/admin/mail?to=${encodeURIComponent(invitation.to)}`)).json().items;
    expect(toThem.map((m: { id: string }) => m.id)).toContain(invitation.id);
    const message = (await admin.get(`/api/admin/mail/${invitation.id}`)).json();
    expect(message.text).toMatch(/\/invitation\/[\w-]{20,}/);
    expect(message.text).toContain("Mentorat inversé — déploiement 2027");
    expect((await admin.get("/api/admin/jobs/failed")).json().items).toEqual([]);
    expect((await admin.get("/api/admin/mail/settings")).json().mode).toBe("outbox");
  });
});

describe("demo workspaces", () => {
  it("gives the pilot's pairs goals both ways (some signed off), held sessions with agendas and notes, and sessions ahead", async () => {
    const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx.database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const [goals] = await rows<{ mentee: number; mentor: number; signed: number }>(sql`
      select count(*) filter (where learner_role = 'mentee')::int as mentee, count(*) filter (where learner_role = 'mentor')::int as mentor,
        count(*) filter (where signed_off_at is not null)::int as signed from goals`);
    expect(goals?.mentee).toBeGreaterThanOrEqual(8);
    expect(goals?.mentor).toBeGreaterThanOrEqual(8);
    expect(goals?.signed).toBeGreaterThanOrEqual(1);
    const [sessions] = await rows<{ held: number; ahead: number; heldWithAgenda: number; heldWithNotes: number }>(sql`
      select count(*) filter (where status = 'held')::int as held,
        count(*) filter (where status = 'scheduled' and starts_at > ${ctx.clock.now().toISOString()}::timestamptz)::int as ahead,
        count(*) filter (where status = 'held' and exists (select 1 from agenda_items a where a.session_id = s.id))::int as "heldWithAgenda",
        count(*) filter (where status = 'held' and exists (select 1 from session_notes n where n.session_id = s.id))::int as "heldWithNotes"
      from pair_sessions s`);
    expect(sessions?.held).toBeGreaterThanOrEqual(8);
    expect(sessions?.heldWithAgenda).toBe(sessions?.held);
    expect(sessions?.heldWithNotes).toBe(sessions?.held);
    expect(sessions?.ahead).toBeGreaterThanOrEqual(8);
  });

  it("leaves the demo logins' pair a session that began an hour ago, not marked yet, its agenda empty", async () => {
    const senior = logins.find((l) => l.label === "senior" && l.displayName.startsWith("Philippe")) as DemoLogin;
    const client = new TestClient(ctx.app);
    await client.login(senior.email, DEMO_PASSWORD);
    const pairs = (await client.get("/api/me/pairs")).json().items as { id: string; state: string; programme: { name: string } }[];
    const pilot = pairs.find((p) => p.state === "active");
    if (!pilot) throw new Error("the senior demo login has no active pair");
    const sessions = (await client.get(`/api/pairs/${pilot.id}/sessions`)).json().items as {
      startsAt: string;
      status: string;
      agendaCount: number;
    }[];
    const now = ctx.clock.now().getTime();
    const started = sessions.filter((s) => s.status === "scheduled" && Date.parse(s.startsAt) < now);
    expect(started).toHaveLength(1);
    expect(started[0]?.agendaCount).toBe(0);
  });
});
