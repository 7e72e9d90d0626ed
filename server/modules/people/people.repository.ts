import { and, asc, count, eq, exists, gt, ilike, inArray, isNotNull, isNull, lt, not, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Role } from "../../../contracts/accounts.ts";
import type { DirectoryFilters } from "../../../contracts/invitations.ts";
import type { CompletenessFilter, Person } from "../../../contracts/people.ts";
import type { Tx } from "../../db/client.ts";
import { likePattern } from "../../db/like-pattern.ts";
import { people, profileSkills, profiles, userRoles, users } from "../../db/schema.ts";
import { sortRoles } from "../../platform/auth/session-store.ts";

export type NewPerson = typeof people.$inferInsert;

export async function countPeople(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(eq(people.isActive, true));
  return row?.n ?? 0;
}

/** Inserts people; returns their ids by employee id. */
export async function insertPeople(db: Tx, rows: NewPerson[]): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const inserted = await db.insert(people).values(rows).returning({ id: people.id, employeeId: people.employeeId });
  return new Map(inserted.map((r) => [r.employeeId, r.id]));
}

/** The directory entry with this work email, if any. */
export async function findPersonIdByEmail(db: Tx, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.email, email));
  return row?.id;
}

/**
 * A directory entry of its own for an account created outside the HR file (employee id "EXT-…", the
 * account's display name split into first and last name); returns its id.
 */
export async function insertPersonOfAccount(
  tx: Tx,
  account: { id: string; email: string; displayName: string },
  now: Date,
): Promise<string> {
  const [firstName, ...rest] = account.displayName.split(" ");
  const [row] = await tx
    .insert(people)
    .values({
      employeeId: `EXT-${account.id.slice(0, 8)}`,
      firstName: firstName ?? account.displayName,
      lastName: rest.join(" ") || "—",
      email: account.email,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: people.id });
  if (!row) throw new Error("could not create the person of an account");
  return row.id;
}

export type PersonRef = { id: string; firstName: string; lastName: string; department: string | null };
/** `ref(id)`: name and department (blank for someone no longer in the directory); `name(id)`: "First Last". */
export type PersonRefs = { ref(id: string): PersonRef; name(id: string): string };

/** First name, last name and department of people, by id (to present runs, pairs, proposals, notices). */
export async function personRefs(db: Tx, ids: string[]): Promise<PersonRefs> {
  const out = new Map<string, PersonRef>();
  const unique = [...new Set(ids)];
  for (let k = 0; k < unique.length; k += 1000) {
    const rows = await db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, department: people.department })
      .from(people)
      .where(inArray(people.id, unique.slice(k, k + 1000)));
    for (const r of rows) out.set(r.id, r);
  }
  return {
    ref: (id) => out.get(id) ?? { id, firstName: "", lastName: "", department: null },
    name: (id) => {
      const p = out.get(id);
      return p ? `${p.firstName} ${p.lastName}` : "";
    },
  };
}

/** The directory page's filters (search, department, site, skill, role, completeness) as SQL; the query joins `profiles`. */
function directoryConditions(db: Tx, filter: DirectoryFilters): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(
        ilike(people.firstName, pattern),
        ilike(people.lastName, pattern),
        ilike(people.email, pattern),
        ilike(people.jobTitle, pattern),
        ilike(people.employeeId, pattern),
      ),
    );
  }
  if (filter.department) conditions.push(eq(people.department, filter.department));
  if (filter.site) conditions.push(eq(people.site, filter.site));
  if (filter.skill) {
    conditions.push(
      exists(
        db
          .select({ one: profileSkills.personId })
          .from(profileSkills)
          .where(and(eq(profileSkills.personId, people.id), eq(profileSkills.skillId, filter.skill))),
      ),
    );
  }
  if (filter.role) {
    conditions.push(
      exists(
        db
          .select({ one: users.id })
          .from(users)
          .innerJoin(userRoles, eq(userRoles.userId, users.id))
          .where(and(eq(users.personId, people.id), eq(userRoles.role, filter.role))),
      ),
    );
  }
  if (filter.completeness === "none") conditions.push(isNull(profiles.personId));
  if (filter.completeness === "complete") conditions.push(eq(profiles.completeness, 100));
  if (filter.completeness === "incomplete") conditions.push(lt(profiles.completeness, 100));
  return conditions;
}

/** A page of the directory with each person's manager name and account, plus the filter values. */
export async function listPeople(
  db: Tx,
  filter: {
    /** One person only (the person page). */
    id?: string | undefined;
    q?: string | undefined;
    department?: string | undefined;
    site?: string | undefined;
    skill?: string | undefined;
    role?: Role | undefined;
    completeness?: CompletenessFilter | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: Person[]; total: number; departments: string[]; sites: string[] }> {
  const manager = alias(people, "manager");
  const conditions = directoryConditions(db, filter);
  if (filter.id) conditions.push(eq(people.id, filter.id));
  const where = conditions.length ? and(...conditions) : undefined;

  const [totalRow] = await db.select({ n: count() }).from(people).leftJoin(profiles, eq(profiles.personId, people.id)).where(where);
  const rows = await db
    .select({
      person: people,
      managerFirst: manager.firstName,
      managerLast: manager.lastName,
      account: users,
      completeness: profiles.completeness,
    })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(manager, eq(manager.employeeId, people.managerEmployeeId))
    .leftJoin(users, eq(users.personId, people.id))
    .where(where)
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const accountIds = rows.flatMap((r) => (r.account ? [r.account.id] : []));
  const roleRows = accountIds.length ? await db.select().from(userRoles).where(inArray(userRoles.userId, accountIds)) : [];
  const distinct = async (column: typeof people.department | typeof people.site) =>
    (await db.selectDistinct({ v: column }).from(people).where(isNotNull(column)).orderBy(asc(column))).map((r) => r.v as string);

  return {
    total: totalRow?.n ?? 0,
    departments: await distinct(people.department),
    sites: await distinct(people.site),
    items: rows.map(({ person: p, managerFirst, managerLast, account, completeness }) => ({
      id: p.id,
      employeeId: p.employeeId,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      department: p.department,
      site: p.site,
      jobTitle: p.jobTitle,
      managerName: managerFirst ? `${managerFirst} ${managerLast}` : null,
      hireYear: p.hireYear,
      isActive: p.isActive,
      profileCompleteness: completeness,
      account: account
        ? { id: account.id, status: account.status, roles: sortRoles(roleRows.filter((r) => r.userId === account.id).map((r) => r.role)) }
        : null,
    })),
  };
}

/**
 * Whether a person has an account: one linked to them, or one with their work email (which the account's
 * creation would link, and which no second account may take).
 */
const hasAccount = (db: Tx) =>
  exists(
    db
      .select({ one: users.id })
      .from(users)
      .where(or(eq(users.personId, people.id), eq(users.email, people.email))),
  );

/** Of the active people the directory's filters show: how many have no account yet, how many have one. */
export async function countPeopleByAccount(db: Tx, filter: DirectoryFilters): Promise<{ withoutAccount: number; withAccount: number }> {
  const [row] = await db
    .select({
      withAccount: sql<number>`count(*) filter (where ${hasAccount(db)})`.mapWith(Number),
      all: count(),
    })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(and(eq(people.isActive, true), ...directoryConditions(db, filter)));
  const withAccount = row?.withAccount ?? 0;
  return { withoutAccount: (row?.all ?? 0) - withAccount, withAccount };
}

/**
 * The next active people the directory's filters show who have no account, in id order after `afterId`
 * (a bulk invitation takes them slice by slice): id, names and work email.
 */
export async function peopleWithoutAccount(
  db: Tx,
  filter: DirectoryFilters,
  options: { afterId?: string | undefined; limit: number },
): Promise<{ id: string; firstName: string; lastName: string; email: string }[]> {
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(
      and(
        eq(people.isActive, true),
        not(hasAccount(db)),
        options.afterId ? gt(people.id, options.afterId) : undefined,
        ...directoryConditions(db, filter),
      ),
    )
    .orderBy(asc(people.id))
    .limit(options.limit);
}

/** One person of the directory as the screens show them, or undefined. */
export async function getPerson(db: Tx, id: string): Promise<Person | undefined> {
  return (await listPeople(db, { id, page: 1, pageSize: 1 })).items[0];
}

/** Ids of the active people matching directory filters (enrolling "everyone of the Lyon site"). */
export async function findPersonIds(
  db: Tx,
  filter: { q?: string | undefined; department?: string | undefined; site?: string | undefined; skill?: string | undefined },
): Promise<string[]> {
  const conditions: (SQL | undefined)[] = [eq(people.isActive, true)];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(ilike(people.firstName, pattern), ilike(people.lastName, pattern), ilike(people.email, pattern), ilike(people.jobTitle, pattern)),
    );
  }
  if (filter.department) conditions.push(eq(people.department, filter.department));
  if (filter.site) conditions.push(eq(people.site, filter.site));
  if (filter.skill)
    conditions.push(
      exists(
        db
          .select({ one: profileSkills.personId })
          .from(profileSkills)
          .where(and(eq(profileSkills.personId, people.id), eq(profileSkills.skillId, filter.skill))),
      ),
    );
  return (
    await db
      .select({ id: people.id })
      .from(people)
      .where(and(...conditions))
  ).map((r) => r.id);
}

/** Person ids by employee id, for the given employee ids that exist. */
export async function findPersonIdsByEmployeeIds(db: Tx, employeeIds: string[]): Promise<Map<string, string>> {
  if (!employeeIds.length) return new Map();
  const rows = await db
    .select({ id: people.id, employeeId: people.employeeId })
    .from(people)
    .where(inArray(people.employeeId, employeeIds));
  return new Map(rows.map((r) => [r.employeeId, r.id]));
}

/** employeeId → managerEmployeeId of the whole directory: the engine keeps a pair out of each other's management chain. */
export async function directoryOrgChart(db: Tx): Promise<Record<string, string>> {
  const rows = await db
    .select({ employeeId: people.employeeId, managerEmployeeId: people.managerEmployeeId })
    .from(people)
    .where(isNotNull(people.managerEmployeeId));
  return Object.fromEntries(rows.map((r) => [r.employeeId, r.managerEmployeeId as string]));
}
