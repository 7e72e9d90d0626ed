import { and, asc, count, eq, ilike, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Person } from "../../../contracts/people.ts";
import type { Tx } from "../../db/client.ts";
import { likePattern } from "../../db/like-pattern.ts";
import { people, userRoles, users } from "../../db/schema.ts";
import { sortRoles } from "../../platform/auth/session-store.ts";

export type NewPerson = typeof people.$inferInsert;

export async function countPeople(db: Tx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(eq(people.isActive, true));
  return row?.n ?? 0;
}

export async function insertPeople(db: Tx, rows: NewPerson[]): Promise<void> {
  if (rows.length) await db.insert(people).values(rows);
}

/** A page of the directory with each person's manager name and account, plus the filter values. */
export async function listPeople(
  db: Tx,
  filter: { q?: string | undefined; department?: string | undefined; site?: string | undefined; page: number; pageSize: number },
): Promise<{ items: Person[]; total: number; departments: string[]; sites: string[] }> {
  const manager = alias(people, "manager");
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
  const where = conditions.length ? and(...conditions) : undefined;

  const [totalRow] = await db.select({ n: count() }).from(people).where(where);
  const rows = await db
    .select({ person: people, managerFirst: manager.firstName, managerLast: manager.lastName, account: users })
    .from(people)
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
    items: rows.map(({ person: p, managerFirst, managerLast, account }) => ({
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
      account: account
        ? { id: account.id, status: account.status, roles: sortRoles(roleRows.filter((r) => r.userId === account.id).map((r) => r.role)) }
        : null,
    })),
  };
}

/** One person of the directory as the screens show them, or undefined. */
export async function getPerson(db: Tx, id: string): Promise<Person | undefined> {
  const [row] = await db.select({ employeeId: people.employeeId }).from(people).where(eq(people.id, id));
  if (!row) return undefined;
  const page = await listPeople(db, { q: row.employeeId, page: 1, pageSize: 50 });
  return page.items.find((p) => p.id === id);
}
