import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { ParticipantRole } from "../../../contracts/programmes.ts";
import type { Tx } from "../../db/client.ts";
import { charterAcceptances, enrolments, onboardingProgress, people, programmes } from "../../db/schema.ts";

/** Bound parameters per query stay far below PostgreSQL's limit of 65,535 even for the largest cohorts. */
const IDS_PER_QUERY = 10_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_QUERY) out.push(items.slice(i, i + IDS_PER_QUERY));
  return out;
}

export type Enrolment = {
  role: ParticipantRole;
  requiresOnboarding: boolean;
  charter: { fr: string; en: string };
};

/**
 * A person's enrolment in a programme, with what onboarding needs of the programme; null when absent,
 * declined, or the programme still a draft (announced to nobody: its onboarding is "not found", as the
 * programme itself is to participants).
 */
export async function findActiveEnrolment(db: Tx, programmeId: string, personId: string): Promise<Enrolment | null> {
  const [row] = await db
    .select({
      role: enrolments.role,
      requiresOnboarding: programmes.requiresOnboarding,
      charterFr: programmes.charterFr,
      charterEn: programmes.charterEn,
    })
    .from(enrolments)
    .innerJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        eq(enrolments.personId, personId),
        ne(enrolments.status, "declined"),
        ne(programmes.phase, "draft"),
      ),
    );
  if (!row) return null;
  return { role: row.role, requiresOnboarding: row.requiresOnboarding, charter: { fr: row.charterFr, en: row.charterEn } };
}

export async function findProgramme(db: Tx, programmeId: string): Promise<{ requiresOnboarding: boolean } | null> {
  const [row] = await db
    .select({ requiresOnboarding: programmes.requiresOnboarding })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  return row ?? null;
}

/** The people enrolled in a programme and not declined, by name. */
export async function listEnrolledPeople(db: Tx, programmeId: string) {
  const rows = await db
    .select({
      personId: enrolments.personId,
      firstName: people.firstName,
      lastName: people.lastName,
      role: enrolments.role,
      status: enrolments.status,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.programmeId, programmeId), ne(enrolments.status, "declined")))
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
  return rows.map((row) => ({ ...row, status: row.status === "joined" ? ("joined" as const) : ("invited" as const) }));
}

/** Modules completed by these people: one query per 10,000 people. Reflections are not read. */
export async function listCompletions(
  db: Tx,
  personIds: readonly string[],
): Promise<{ personId: string; moduleId: string; completedAt: Date }[]> {
  const rows = [];
  for (const ids of chunks(personIds)) {
    rows.push(
      ...(await db
        .select({
          personId: onboardingProgress.personId,
          moduleId: onboardingProgress.moduleId,
          completedAt: onboardingProgress.completedAt,
        })
        .from(onboardingProgress)
        .where(inArray(onboardingProgress.personId, ids))),
    );
  }
  return rows;
}

/** When each of these people accepted the programme's charter (absent: not yet). */
export async function listCharterAcceptances(db: Tx, programmeId: string, personIds: readonly string[]): Promise<Map<string, Date>> {
  const accepted = new Map<string, Date>();
  for (const ids of chunks(personIds)) {
    const rows = await db
      .select({ personId: charterAcceptances.personId, acceptedAt: charterAcceptances.acceptedAt })
      .from(charterAcceptances)
      .where(and(eq(charterAcceptances.programmeId, programmeId), inArray(charterAcceptances.personId, ids)));
    for (const row of rows) accepted.set(row.personId, row.acceptedAt);
  }
  return accepted;
}

/** A person's reading of one module, with their private reflections. */
export async function findProgress(
  db: Tx,
  personId: string,
  moduleId: string,
): Promise<{ reflections: string[]; completedAt: Date } | null> {
  const [row] = await db
    .select({ reflections: onboardingProgress.reflections, completedAt: onboardingProgress.completedAt })
    .from(onboardingProgress)
    .where(and(eq(onboardingProgress.personId, personId), eq(onboardingProgress.moduleId, moduleId)));
  if (!row) return null;
  const reflections = Array.isArray(row.reflections) ? row.reflections.filter((r): r is string => typeof r === "string") : [];
  return { reflections, completedAt: row.completedAt };
}

/** Marks a module read; reading it again replaces the reflections and keeps the first completion time. */
export async function saveProgress(tx: Tx, personId: string, moduleId: string, reflections: string[], now: Date): Promise<void> {
  await tx
    .insert(onboardingProgress)
    .values({ personId, moduleId, reflections, completedAt: now })
    .onConflictDoUpdate({ target: [onboardingProgress.personId, onboardingProgress.moduleId], set: { reflections } });
}

/** Records the acceptance of a programme's charter; accepting again keeps the first time. */
export async function insertCharterAcceptance(tx: Tx, programmeId: string, personId: string, now: Date): Promise<void> {
  await tx.insert(charterAcceptances).values({ programmeId, personId, acceptedAt: now }).onConflictDoNothing();
}
