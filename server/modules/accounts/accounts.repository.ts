import { and, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Account, Role } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import { likePattern } from "../../db/like-pattern.ts";
import { people, setupTokens, userRoles, users } from "../../db/schema.ts";
import { sortRoles } from "../../platform/auth/session-store.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function rolesOf(db: Tx, userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return sortRoles(rows.map((r) => r.role));
}

export async function insertUser(
  db: Tx,
  values: {
    email: string;
    displayName: string;
    passwordHash: string | null;
    status: UserRow["status"];
    locale: UserRow["locale"];
    roles: Role[];
    now: Date;
  },
): Promise<UserRow> {
  // Link the account to the directory entry with the same work email, when there is one.
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.email, values.email));
  const [row] = await db
    .insert(users)
    .values({
      email: values.email,
      displayName: values.displayName,
      passwordHash: values.passwordHash,
      status: values.status,
      locale: values.locale,
      personId: person?.id ?? null,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .returning();
  if (!row) throw new Error("insert into users returned nothing");
  await setRoles(db, row.id, values.roles);
  return row;
}

/**
 * The directory entry with this work email, with the account already linked to it when there is
 * one. An HR import can change a person's email after their account was linked by the old one.
 */
/** Links an account to its directory entry (users.person_id is unique: the caller checked it is free). */
export async function setPersonOfUser(tx: Tx, userId: string, personId: string): Promise<void> {
  await tx.update(users).set({ personId }).where(eq(users.id, userId));
}

export async function findPersonByEmail(db: Tx, email: string) {
  const [row] = await db
    .select({
      employeeId: people.employeeId,
      firstName: people.firstName,
      lastName: people.lastName,
      accountEmail: users.email,
    })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(eq(people.email, email));
  return row;
}

export async function setRoles(db: Tx, userId: string, roles: Role[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  await db.insert(userRoles).values([...new Set(roles)].map((role) => ({ userId, role })));
}

export async function updateUser(
  db: Tx,
  id: string,
  values: Partial<Pick<UserRow, "displayName" | "locale" | "passwordHash" | "status" | "lastLoginAt" | "updatedAt">>,
) {
  await db.update(users).set(values).where(eq(users.id, id));
}

export async function countActiveAdmins(db: Tx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
    .where(eq(users.status, "active"));
  return row?.n ?? 0;
}

export async function countAccountsByStatus(db: Tx): Promise<Record<UserRow["status"], number>> {
  const rows = await db.select({ status: users.status, n: count() }).from(users).groupBy(users.status);
  const result = { active: 0, invited: 0, disabled: 0 };
  for (const r of rows) result[r.status] = r.n;
  return result;
}

export async function listAccounts(
  db: Tx,
  filter: { q?: string; role?: Role; status?: UserRow["status"]; page: number; pageSize: number },
): Promise<{ items: Account[]; total: number }> {
  const conditions = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(
        ilike(users.displayName, pattern),
        ilike(users.email, pattern),
        ilike(people.department, pattern),
        ilike(people.jobTitle, pattern),
      ),
    );
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.role) {
    conditions.push(inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, filter.role))));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(users).leftJoin(people, eq(people.id, users.personId)).where(where);
  const rows = await db
    .select({ user: users, department: people.department, jobTitle: people.jobTitle })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(where)
    .orderBy(sql`lower(${users.displayName})`, users.id)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const roleRows = rows.length
    ? await db
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.user.id),
          ),
        )
    : [];
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) =>
      toAccount(
        r.user,
        roleRows.filter((x) => x.userId === r.user.id).map((x) => x.role),
        r.department,
        r.jobTitle,
      ),
    ),
  };
}

export async function getAccount(db: Tx, id: string): Promise<Account | undefined> {
  const [row] = await db
    .select({ user: users, department: people.department, jobTitle: people.jobTitle })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, id));
  if (!row) return undefined;
  return toAccount(row.user, await rolesOf(db, id), row.department, row.jobTitle);
}

function toAccount(user: UserRow, roles: Role[], department: string | null, jobTitle: string | null): Account {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: sortRoles(roles),
    status: user.status,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    department,
    jobTitle,
  };
}

export async function replaceSetupToken(db: Tx, tokenHash: string, now: Date, expiresAt: Date) {
  await db.delete(setupTokens);
  await db.insert(setupTokens).values({ tokenHash, createdAt: now, expiresAt });
}

/** Consumes the setup token: true only for the one caller that deleted a valid token. */
export async function consumeSetupToken(db: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .delete(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), sql`${setupTokens.expiresAt} > ${now.toISOString()}::timestamptz`))
    .returning({ h: setupTokens.tokenHash });
  return rows.length === 1;
}
