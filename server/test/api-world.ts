/**
 * A small organisation with something of everyone's, for the tests that walk the whole API
 * (api-walk, api-fuzz): the objects in their URLs belong to "participant" (Bernard), and each
 * identity tries them.
 *
 * - programme X (matching phase): pair X = Ines (mentor) ↔ Bernard (mentee, the participant),
 *   pair Z = Chloe ↔ Gérard ("otherPair": same programme, another pair), Odile and Marc unpaired,
 *   a matching run, a lock Marc–Odile;
 * - programme P (enrolment): Bernard's open proposal to Marc;
 * - programme D (draft): Bernard enrolled by a manager, not told yet (nobody may see it but managers);
 * - programme Y (enrolment): pair Y = Yanis ↔ Sylvie ("otherProgramme"), a session, Yanis's calendar subscription feed;
 * - pair X's session held before the walk: Bernard's private notes and journal, an action item and a resource of the pair;
 * - Bernard's private onboarding reflection, his notifications, his glossary term waiting for review; an HR import by the admin; a
 *   pending invitation of an administrator-to-be and of a participant; an organisation skill.
 */

import { addPeople, createProgramme, menteeProfile, mentorProfile, moveTo } from "./programme-builders.ts";
import { givenSession } from "./session-builders.ts";
import type { TestContext } from "./test-app.ts";
import { createUser, TestClient } from "./test-app.ts";

export const IDENTITIES = ["anonymous", "otherProgramme", "otherPair", "participant", "manager", "admin"] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The account of each identity but the anonymous one. */
export const EMAIL_OF: Record<Exclude<Identity, "anonymous">, string> = {
  participant: "bernard@exemple.fr",
  otherPair: "gerard@exemple.fr",
  otherProgramme: "sylvie@exemple.fr",
  manager: "rh@exemple.fr",
  admin: "admin@exemple.fr",
};

/** Texts only their owner may ever read back: no answer to anyone else may contain them. */
export const SECRET_REFLECTION = "Réflexion privée de Bernard n° 7f3a";
export const SECRET_GOALS = "Objectifs confidentiels de Bernard n° 91c2";
/** The statement of Bernard's goal in pair X: for the pair's two people only, managers included out. */
export const SECRET_GOAL_STATEMENT = "Objectif de Bernard, à garder dans le binôme n° 4d7e";
/** Bernard's agenda item in pair X: for the pair's two people only, managers included out. */
export const SECRET_AGENDA_ITEM = "Sujet de Bernard pour la séance n° 5b1f";
/** Bernard's notes (not shared) and journal after a held session of pair X: his alone. */
export const SECRET_NOTES = "Notes privées de Bernard n° 2c8a";
export const SECRET_JOURNAL = "Journal de bord de Bernard n° 6e0b";
/** An action item and a resource of pair X: for the pair's two people only, managers included out. */
export const SECRET_ACTION_ITEM = "Action de Bernard n° 3f9d";
export const SECRET_RESOURCE_URL = "https://exemple.fr/ressource-de-bernard-8a4c";

export type World = {
  programmes: { x: string; p: string; d: string; y: string };
  people: Record<string, string>;
  /** Account ids. */
  /** Account ids: the participant's; pending invitations (two administrators-to-be, one participant-to-be). */
  accounts: { participant: string; invitedAdmin: string; invitedAdmin2: string; invitedParticipant: string };
  pairs: { x: string; z: string; y: string };
  /** Bernard's open proposal to Marc in programme P. */
  proposal: string;
  run: string;
  importId: string;
  skillId: string;
  /** The onboarding module Bernard wrote his reflection in. */
  moduleId: string;
  /** Bernard's notifications (unread). */
  notifications: string[];
  /** The token of a pending invitation nobody renews (for previews). */
  invitationToken: string;
  /** One pending invitation per identity, to accept. */
  acceptTokens: Record<Identity, string>;
  /** Bernard's glossary term, waiting for a manager's review. */
  glossaryTerm: string;
  /** Bernard's goal in pair X (he learns it and wrote it; Ines has not agreed yet). */
  goal: string;
  /** Sessions of pair X, written straight in (the pair is at its intro coffee): one with Bernard's agenda item, one to cancel. */
  session: string;
  sessionToCancel: string;
  agendaItem: string;
  /** A session of pair X held before the walk (notes open), with Bernard's notes and journal, an action item and a resource of the pair. */
  heldSession: string;
  actionItem: string;
  /** The ones the participant deletes (so that the others stay for every later identity). */
  actionItemToDelete: string;
  resource: string;
  resourceToDelete: string;
  /** The token of Yanis's calendar subscription feed (pair Y, with a session): public to whoever holds it. */
  calendarFeedToken: string;
};

const tokenOf = (link: string) => link.split("/").pop() as string;

async function expectStatus(response: { statusCode: number; body: string }, status: number, what: string) {
  if (response.statusCode !== status) throw new Error(`world: ${what} answered ${response.statusCode} ${response.body}`);
}

/** Builds the world through the API (and the builders), as the people would. */
export async function buildWorld(ctx: TestContext): Promise<World> {
  await createUser(ctx, { email: EMAIL_OF.admin, roles: ["admin"] });
  await createUser(ctx, { email: EMAIL_OF.manager, roles: ["manager"] });
  const admin = new TestClient(ctx.app);
  await admin.login(EMAIL_OF.admin);
  const hr = new TestClient(ctx.app);
  await hr.login(EMAIL_OF.manager);

  const people = await addPeople(ctx, [
    { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
    { key: "ines", profile: mentorProfile(["prompting", "excel"]), withAccount: true },
    { key: "gerard", profile: menteeProfile(["excel"]), withAccount: true },
    { key: "chloe", profile: mentorProfile(["excel", "dataviz"]), withAccount: true },
    { key: "odile", profile: menteeProfile(["prompting"]), withAccount: true },
    { key: "marc", profile: mentorProfile(["prompting", "linkedin"], { mentorCapacity: 2 }), withAccount: true },
    { key: "sylvie", profile: menteeProfile(["linkedin"]), withAccount: true },
    { key: "yanis", profile: mentorProfile(["linkedin"]), withAccount: true },
  ]);
  const client: Record<string, TestClient> = {};
  for (const key of ["bernard", "ines", "gerard", "chloe", "sylvie", "yanis"]) {
    client[key] = new TestClient(ctx.app);
    await (client[key] as TestClient).login(`${key}@exemple.fr`);
  }
  const c = (key: string) => client[key] as TestClient;

  /** A mentee proposes, the mentor accepts: the pair's id. */
  async function pairUp(programmeId: string, mentee: string, mentor: string): Promise<string> {
    const sent = await c(mentee).post(`/api/programmes/${programmeId}/proposals`, {
      mentorId: people[mentor],
      goals: "Apprendre les bases",
      offer: "Mon réseau",
    });
    await expectStatus(sent, 201, `proposal ${mentee} → ${mentor}`);
    const accepted = await c(mentor).post(`/api/proposals/${sent.json().id}/accept`, {});
    await expectStatus(accepted, 200, `acceptance by ${mentor}`);
    return accepted.json().pairId;
  }

  const x = await createProgramme(hr, { name: "Programme X", allowsProposals: true });
  await expectStatus(
    await hr.post(`/api/programmes/${x}/enrolments`, { role: "mentor", employeeIds: ["ines", "chloe", "marc"] }),
    200,
    "X mentors",
  );
  await expectStatus(
    await hr.post(`/api/programmes/${x}/enrolments`, { role: "mentee", employeeIds: ["bernard", "gerard", "odile"] }),
    200,
    "X mentees",
  );
  await moveTo(hr, x, ["enrolment"]);
  const pairX = await pairUp(x, "bernard", "ines");
  const pairZ = await pairUp(x, "gerard", "chloe");
  await moveTo(hr, x, ["matching"]);
  const run = await hr.post(`/api/programmes/${x}/matching-runs`, {});
  await expectStatus(run, 201, "matching run");
  await expectStatus(
    await hr.request("PUT", `/api/programmes/${x}/constraints`, { mentorId: people.marc, menteeId: people.odile, kind: "lock" }),
    200,
    "lock",
  );

  const p = await createProgramme(hr, { name: "Programme P", allowsProposals: true });
  await expectStatus(await hr.post(`/api/programmes/${p}/enrolments`, { role: "mentor", employeeIds: ["marc"] }), 200, "P mentor");
  await expectStatus(await hr.post(`/api/programmes/${p}/enrolments`, { role: "mentee", employeeIds: ["bernard"] }), 200, "P mentee");
  await moveTo(hr, p, ["enrolment"]);
  const proposal = await c("bernard").post(`/api/programmes/${p}/proposals`, {
    mentorId: people.marc,
    goals: SECRET_GOALS,
    offer: "Mon regard sur la stratégie",
  });
  await expectStatus(proposal, 201, "Bernard's open proposal");

  const d = await createProgramme(hr, { name: "Programme D (brouillon)" });
  await expectStatus(await hr.post(`/api/programmes/${d}/enrolments`, { role: "mentee", employeeIds: ["bernard"] }), 200, "D mentee");

  const y = await createProgramme(hr, { name: "Programme Y", allowsProposals: true });
  await expectStatus(await hr.post(`/api/programmes/${y}/enrolments`, { role: "mentor", employeeIds: ["yanis"] }), 200, "Y mentor");
  await expectStatus(await hr.post(`/api/programmes/${y}/enrolments`, { role: "mentee", employeeIds: ["sylvie"] }), 200, "Y mentee");
  await moveTo(hr, y, ["enrolment"]);
  const pairY = await pairUp(y, "sylvie", "yanis");

  const onboarding = (await c("bernard").get(`/api/me/programmes/${x}/onboarding`)).json();
  const moduleId = onboarding.modules[0].id as string;
  await expectStatus(
    await c("bernard").post(`/api/me/onboarding/modules/${moduleId}`, { reflections: [SECRET_REFLECTION] }),
    200,
    "reflection",
  );
  const notifications = ((await c("bernard").get("/api/me/notifications")).json().items as { id: string }[]).map((n) => n.id);
  if (!notifications.length) throw new Error("world: Bernard has no notification");

  const csv = "Matricule;Nom;Prénom;Email\r\nW000001;Durand;Alice;alice.durand@exemple.fr\r\nW000002;Petit;Paul;paul.petit@exemple.fr\r\n";
  const imported = await admin.request("POST", "/api/people/imports?fileName=walk.csv", Buffer.from(csv), {
    headers: { "content-type": "text/csv" },
  });
  await expectStatus(imported, 201, "import");

  const futureAdmin = await admin.post("/api/admin/invitations", {
    email: "future-admin@exemple.fr",
    displayName: "Future administratrice",
    roles: ["admin"],
  });
  await expectStatus(futureAdmin, 201, "admin invitation");
  await expectStatus(
    await admin.post("/api/admin/invitations", {
      email: "future-admin-2@exemple.fr",
      displayName: "Autre administratrice",
      roles: ["admin"],
    }),
    201,
    "second admin invitation",
  );
  const preview = await hr.post("/api/admin/invitations", {
    email: "future-lectrice@exemple.fr",
    displayName: "Future lectrice",
    roles: ["participant"],
  });
  await expectStatus(preview, 201, "invitation to preview");
  const futureParticipant = await hr.post("/api/admin/invitations", {
    email: "future-participante@exemple.fr",
    displayName: "Future participante",
    roles: ["participant"],
  });
  await expectStatus(futureParticipant, 201, "participant invitation");
  const accountId = async (email: string) => {
    const page = (await admin.get(`/api/admin/accounts?q=${encodeURIComponent(email)}`)).json();
    const found = (page.items as { id: string; email: string }[]).find((a) => a.email === email);
    if (!found) throw new Error(`world: no account ${email}`);
    return found.id;
  };
  const acceptTokens = {} as Record<Identity, string>;
  for (const who of ["anonymous", "otherProgramme", "otherPair", "participant", "manager", "admin"] as const) {
    const invited = await hr.post("/api/admin/invitations", {
      email: `accept-${who.toLowerCase()}@exemple.fr`,
      displayName: `Invitée ${who}`,
      roles: ["participant"],
    });
    await expectStatus(invited, 201, `invitation to accept (${who})`);
    acceptTokens[who] = tokenOf(invited.json().link);
  }

  const skill = await admin.post("/api/admin/skills", {
    categoryId: "essentials",
    label: { fr: "Outil maison", en: "In-house tool" },
  });
  await expectStatus(skill, 201, "organisation skill");
  const glossaryTerm = await c("bernard").post("/api/glossary", {
    term: "Jargon de Bernard",
    definition: { fr: "Un mot de son équipe.", en: "A word of his team." },
  });
  await expectStatus(glossaryTerm, 201, "glossary term");
  const goal = await c("bernard").post(`/api/pairs/${pairX}/goals`, {
    learnerRole: "mentee",
    skillIds: ["prompting"],
    statement: SECRET_GOAL_STATEMENT,
    target: "10 tâches faites avec l’IA",
    dueOn: "2026-06-01",
  });
  await expectStatus(goal, 201, "Bernard's goal");
  const session = await givenSession(ctx.database, pairX, { startsAt: new Date("2026-04-07T10:30:00Z") });
  const sessionToCancel = await givenSession(ctx.database, pairX, { startsAt: new Date("2026-04-21T10:30:00Z") });
  const agendaItem = await c("bernard").post(`/api/sessions/${session}/agenda-items`, {
    kind: "topic",
    text: SECRET_AGENDA_ITEM,
    goalId: goal.json().id,
  });
  await expectStatus(agendaItem, 201, "Bernard's agenda item");

  const heldSession = await givenSession(ctx.database, pairX, { startsAt: new Date("2026-02-24T10:30:00Z"), status: "held" });
  await expectStatus(
    await c("bernard").request("PUT", `/api/sessions/${heldSession}/notes`, {
      notes: SECRET_NOTES,
      journal: SECRET_JOURNAL,
      isShared: false,
    }),
    200,
    "Bernard's notes",
  );
  const addActionItem = async (text: string) => {
    const added = await c("bernard").post(`/api/sessions/${heldSession}/action-items`, { text, ownerPersonId: people.bernard });
    await expectStatus(added, 201, `action item ${text}`);
    return added.json().id as string;
  };
  const addResource = async (title: string, url: string) => {
    const added = await c("bernard").post(`/api/pairs/${pairX}/resources`, { title, url });
    await expectStatus(added, 201, `resource ${title}`);
    return added.json().id as string;
  };
  const actionItem = await addActionItem(SECRET_ACTION_ITEM);
  const actionItemToDelete = await addActionItem("Action à supprimer");
  const resource = await addResource("Ressource de Bernard", SECRET_RESOURCE_URL);
  const resourceToDelete = await addResource("Ressource à retirer", "https://exemple.fr/a-retirer");

  await givenSession(ctx.database, pairY, { startsAt: new Date("2026-04-03T10:30:00Z") });
  const feed = await c("yanis").post("/api/me/calendar-feed");
  await expectStatus(feed, 200, "Yanis's calendar feed");
  const calendarFeedToken = tokenOf(feed.json().url).replace(/\.ics$/, "");

  return {
    programmes: { x, p, d, y },
    people,
    accounts: {
      participant: await accountId(EMAIL_OF.participant),
      invitedAdmin: await accountId("future-admin@exemple.fr"),
      invitedAdmin2: await accountId("future-admin-2@exemple.fr"),
      invitedParticipant: await accountId("future-participante@exemple.fr"),
    },
    pairs: { x: pairX, z: pairZ, y: pairY },
    proposal: proposal.json().id,
    run: run.json().id,
    importId: imported.json().id,
    skillId: skill.json().id,
    moduleId,
    notifications,
    invitationToken: tokenOf(preview.json().link),
    acceptTokens,
    glossaryTerm: glossaryTerm.json().id,
    goal: goal.json().id,
    session,
    sessionToCancel,
    agendaItem: agendaItem.json().id,
    heldSession,
    actionItem,
    actionItemToDelete,
    resource,
    resourceToDelete,
    calendarFeedToken,
  };
}

/** Every id of the world, for the fuzz's path parameters (type confusion included: a pair's id where a programme's is expected). */
export function worldIds(world: World): string[] {
  return [
    ...Object.values(world.programmes),
    ...Object.values(world.people),
    ...Object.values(world.accounts),
    ...Object.values(world.pairs),
    world.proposal,
    world.run,
    world.importId,
    world.skillId,
    world.moduleId,
    ...world.notifications,
    world.invitationToken,
    world.glossaryTerm,
    world.goal,
    world.session,
    world.sessionToCancel,
    world.agendaItem,
    world.heldSession,
    world.actionItem,
    world.resource,
  ];
}
