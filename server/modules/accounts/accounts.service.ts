/**
 * Account use cases: first administrator, login, invitations, my account, account administration.
 * Each takes plain values and its dependencies; transactions are opened here, never in routes.
 */
import {
  type Account,
  type AccountStatus,
  type Invitation,
  type InviteBody,
  type Locale,
  type Me,
  NewPassword,
  type Role,
} from "../../../contracts/accounts.ts";
import type { Database, Tx } from "../../db/client.ts";
import { cancelLoginAttempt, countLoginAttempt, recordLoginSuccess } from "../../platform/auth/login-throttle.ts";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../../platform/auth/passwords.ts";
import { createSession, deleteSession, deleteSessionsOfUser, type SessionLimits } from "../../platform/auth/session-store.ts";
import { hashToken, newToken } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { AppError, invalidFields, notFound } from "../../platform/errors/app-error.ts";
import type { MailSettings } from "../../platform/mail/index.ts";
import * as repo from "./accounts.repository.ts";
import { INVITATION_VALIDITY_MS, inviterName, presentInvitation } from "./invitations.domain.ts";
import * as invitationsRepo from "./invitations.repository.ts";
import { type IssuedInvitation, issueInvitations } from "./issue-invitation.ts";
import { expireOpenResets } from "./password-resets.repository.ts";

/** `mail.transport` set: invitations are emailed and their links never returned (undefined or no `mail`: the outbox). */
export type AccountsDeps = {
  database: Database;
  clock: Clock;
  publicUrl: string;
  session: SessionLimits;
  mail?: Pick<MailSettings, "transport">;
};
export const SETUP_LINK_VALIDITY_MS = 24 * 3_600_000;

/** A new session for a user: the token goes into the cookie. */
export type LoggedIn = { me: Me; token: string };

async function toMe(db: Database["db"], user: repo.UserRow): Promise<Me> {
  return { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles: await repo.rolesOf(db, user.id) };
}

/**
 * A person has one account at most: an account is linked to the directory entry with its email
 * (accounts.repository insertUser, profiles' ensurePersonForUser). When the HR import has given that
 * email to a person whose account uses another one, say so instead of failing on the unique index.
 * `to`: who is told. "manager" (creating the account) learns whose entry and account it is; "owner"
 * (the account's own user, saving their profile) is told, as "vous", to have HR correct the directory.
 */
export async function assertPersonHasNoAccount(tx: Tx, email: string, to: "manager" | "owner" = "manager") {
  const person = await repo.findPersonByEmail(tx, email);
  if (!person?.accountEmail) return;
  const params = {
    email,
    person: `${person.firstName} ${person.lastName}`,
    employeeId: person.employeeId,
    accountEmail: person.accountEmail,
  };
  if (to === "owner") throw new AppError("PERSON_HAS_ACCOUNT", { messageKey: "errors.personHasOtherAccount", params });
  throw new AppError("PERSON_HAS_ACCOUNT", { params, details: [{ path: "email", messageKey: "errors.personHasAccount", params }] });
}

/** The strength rules of every form that sets a password (not a common one, not the email): field errors on `path`. */
export function assertStrongPassword(password: string, email: string, path = "password") {
  const problems = checkPasswordStrength(password, email, path);
  if (problems.length) throw invalidFields(problems);
}

export async function login(
  input: { email: string; password: string; ip: string; previousSessionId: string | null },
  deps: AccountsDeps,
): Promise<LoggedIn> {
  const { db } = deps.database;
  const now = deps.clock.now();
  // Counted as a failure before the (slow) password check, so that parallel attempts cannot all
  // get past the limits before any of them is counted; a success takes it back.
  const counted = await countLoginAttempt(db, input.email, input.ip, now);
  if (counted.isRefused) {
    const minutes = counted.retryAfterMinutes;
    throw new AppError("TOO_MANY_ATTEMPTS", { params: { minutes }, headers: { "retry-after": String(minutes * 60) } });
  }
  const { attempt } = counted;
  const user = await repo.findUserByEmail(db, input.email);
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) throw new AppError("INVALID_CREDENTIALS");
  if (user.status !== "active") {
    await cancelLoginAttempt(db, attempt);
    throw new AppError("ACCOUNT_DISABLED");
  }
  return db.transaction(async (tx) => {
    await recordLoginSuccess(tx, attempt, now);
    // A fresh session id at every login: a session planted before login is worthless after it.
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    const { token } = await createSession(tx, user.id, now);
    await repo.updateUser(tx, user.id, { lastLoginAt: now });
    return { me: await toMe(tx as Database["db"], user), token };
  });
}

export async function logout(sessionId: string, deps: AccountsDeps): Promise<void> {
  await deleteSession(deps.database.db, sessionId);
}

export async function isSetupRequired(deps: Pick<AccountsDeps, "database">): Promise<boolean> {
  return (await repo.countActiveAdmins(deps.database.db)) === 0;
}

/**
 * At start-up with no active administrator: creates one from the environment when given, otherwise
 * returns a one-time setup link (valid 24 h, replaced at every start) to print on the console.
 */
export async function ensureFirstAdmin(
  admin: { email: string; password: string } | undefined,
  deps: AccountsDeps,
): Promise<{ kind: "exists" } | { kind: "created"; email: string } | { kind: "setup-link"; link: string }> {
  if (!(await isSetupRequired(deps))) return { kind: "exists" };
  const now = deps.clock.now();
  if (admin) {
    const email = admin.email.trim().toLowerCase();
    await createAdmin({ email, displayName: email.split("@")[0] ?? email, password: admin.password }, deps);
    return { kind: "created", email };
  }
  const token = newToken();
  await repo.replaceSetupToken(deps.database.db, hashToken(token), now, new Date(now.getTime() + SETUP_LINK_VALIDITY_MS));
  return { kind: "setup-link", link: `${deps.publicUrl}/setup?token=${token}` };
}

/**
 * Creates an active administrator, or makes an existing account one (CLI `create-admin`, first
 * start). The password must meet the same rules as everywhere else.
 */
export async function createAdmin(
  input: { email: string; displayName: string; password: string },
  deps: Pick<AccountsDeps, "database" | "clock">,
) {
  const parsed = NewPassword.safeParse(input.password);
  if (!parsed.success) {
    throw invalidFields(
      parsed.error.issues.map((issue) => ({
        path: "password",
        messageKey: issue.message,
        params: (issue as { params?: Record<string, unknown> }).params ?? {},
      })),
    );
  }
  assertStrongPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing) {
      await repo.updateUser(tx, existing.id, { passwordHash, status: "active", updatedAt: now });
      await repo.setRoles(tx, existing.id, [...new Set<Role>([...(await repo.rolesOf(tx, existing.id)), "admin"])]);
      return existing.id;
    }
    await assertPersonHasNoAccount(tx, input.email);
    const user = await repo.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      status: "active",
      locale: "fr",
      roles: ["admin"],
      now,
    });
    return user.id;
  });
}

export async function setupFirstAdmin(
  input: { token: string; displayName: string; email: string; password: string; locale: Locale },
  deps: AccountsDeps,
): Promise<LoggedIn> {
  assertStrongPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    if ((await repo.countActiveAdmins(tx)) > 0) throw new AppError("SETUP_NOT_AVAILABLE");
    if (!(await repo.consumeSetupToken(tx, hashToken(input.token), now))) throw new AppError("SETUP_TOKEN_INVALID");
    if (await repo.findUserByEmail(tx, input.email))
      throw new AppError("EMAIL_TAKEN", {
        params: { email: input.email },
        details: [{ path: "email", messageKey: "errors.emailTaken", params: { email: input.email } }],
      });
    await assertPersonHasNoAccount(tx, input.email);
    const user = await repo.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      status: "active",
      locale: input.locale,
      roles: ["admin"],
      now,
    });
    const { token } = await createSession(tx, user.id, now);
    await repo.updateUser(tx, user.id, { lastLoginAt: now });
    return { me: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles: ["admin"] }, token };
  });
}

/**
 * Issues an invitation (round 0: earlier links stop working) and queues its email to the person, in the
 * account's language, naming who invites; the answer carries the link only without an SMTP server.
 */
async function issueInvitation(tx: Tx, user: repo.UserRow, actor: Me, deps: AccountsDeps): Promise<Invitation> {
  const now = deps.clock.now();
  const [issued] = await issueInvitations(
    tx,
    [
      {
        user,
        round: 0,
        expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS),
        invitedBy: actor.id,
        inviter: inviterName(actor.displayName),
      },
    ],
    now,
  );
  return presentInvitation(issued as IssuedInvitation, { publicUrl: deps.publicUrl, isEmailed: deps.mail?.transport !== undefined });
}

/** Only an administrator may grant admin or manager; a manager invites participants. */
export function assertMayGrant(actor: Me, roles: Role[]) {
  if (actor.roles.includes("admin")) return;
  const refused = roles.find((r) => r !== "participant");
  if (refused) throw new AppError("CANNOT_GRANT_ROLE", { params: { role: refused } });
}

export async function invite(input: InviteBody, actor: Me, deps: AccountsDeps): Promise<Invitation> {
  assertMayGrant(actor, input.roles);
  return deps.database.db.transaction(async (tx) => {
    const existing = await repo.findUserByEmail(tx, input.email);
    if (existing && existing.status !== "invited") {
      throw new AppError("EMAIL_TAKEN", {
        params: { email: input.email },
        details: [{ path: "email", messageKey: "errors.emailTaken", params: { email: input.email } }],
      });
    }
    const now = deps.clock.now();
    if (existing) {
      // Inviting again replaces the roles and voids the earlier link: the same rule as reinvite, so
      // a manager cannot take over (demote, void) the pending invitation of an administrator.
      assertMayGrant(actor, await repo.rolesOf(tx, existing.id));
      await repo.setRoles(tx, existing.id, input.roles);
      return issueInvitation(tx, existing, actor, deps);
    }
    await assertPersonHasNoAccount(tx, input.email);
    const user = await repo.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: null,
      status: "invited",
      locale: input.locale ?? actor.locale,
      roles: input.roles,
      now,
    });
    return issueInvitation(tx, user, actor, deps);
  });
}

/** A new link, emailed, for an account that has not accepted its invitation yet; every earlier link (reminders too) stops working. */
export async function reinvite(accountId: string, actor: Me, deps: AccountsDeps): Promise<Invitation> {
  return deps.database.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, accountId);
    if (!user) throw notFound();
    if (user.status !== "invited") throw new AppError("NOT_INVITED", { params: { email: user.email } });
    assertMayGrant(actor, await repo.rolesOf(tx, user.id));
    return issueInvitation(tx, user, actor, deps);
  });
}

const invitationInvalid = () => new AppError("INVITATION_INVALID");

export async function previewInvitation(
  token: string,
  deps: AccountsDeps,
): Promise<{ email: string; displayName: string; locale: Locale }> {
  const found = await invitationsRepo.findOpenInvitation(deps.database.db, hashToken(token), deps.clock.now());
  if (!found || found.user.status !== "invited") throw invitationInvalid();
  return { email: found.user.email, displayName: found.user.displayName, locale: found.user.locale };
}

export async function acceptInvitation(
  token: string,
  input: { password: string; displayName?: string | undefined },
  deps: AccountsDeps,
): Promise<LoggedIn> {
  const now = deps.clock.now();
  const found = await invitationsRepo.findOpenInvitation(deps.database.db, hashToken(token), now);
  if (!found || found.user.status !== "invited") throw invitationInvalid();
  assertStrongPassword(input.password, found.user.email);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    // Marking the link used is the atomic step: of two concurrent accepts, only one gets past it.
    if (!(await invitationsRepo.markInvitationUsed(tx, found.invitation.id, now))) throw invitationInvalid();
    // The other links of the account (the reminders', or the first one) end with it.
    await invitationsRepo.voidOpenInvitations(tx, [found.user.id], now);
    const displayName = input.displayName ?? found.user.displayName;
    await repo.updateUser(tx, found.user.id, { passwordHash, status: "active", displayName, lastLoginAt: now, updatedAt: now });
    const { token: sessionToken } = await createSession(tx, found.user.id, now);
    return { me: await toMe(tx as Database["db"], { ...found.user, displayName }), token: sessionToken };
  });
}

export async function updateMe(
  userId: string,
  input: { displayName?: string | undefined; locale?: Locale | undefined },
  deps: AccountsDeps,
): Promise<Me> {
  const { db } = deps.database;
  await repo.updateUser(db, userId, { ...input, updatedAt: deps.clock.now() });
  const user = await repo.findUserById(db, userId);
  if (!user) throw notFound();
  return toMe(db, user);
}

/**
 * Changes my password after checking the current one; my other sessions end, and so do my "forgot
 * password" links still open (one asked for before would otherwise set a password over this one).
 */
export async function changePassword(
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  deps: AccountsDeps,
): Promise<void> {
  const { db } = deps.database;
  const user = await repo.findUserById(db, input.userId);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("WRONG_CURRENT_PASSWORD", { details: [{ path: "currentPassword", messageKey: "errors.wrongCurrentPassword" }] });
  }
  assertStrongPassword(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const now = deps.clock.now();
    await repo.updateUser(tx, user.id, { passwordHash, updatedAt: now });
    await deleteSessionsOfUser(tx, user.id, input.sessionId);
    await expireOpenResets(tx, user.id, now);
  });
}

export function listAccounts(filter: Parameters<typeof repo.listAccounts>[1], deps: AccountsDeps) {
  return repo.listAccounts(deps.database.db, filter);
}

/** Changes an account's roles or status; never leaves the organisation without an active administrator. */
export async function updateAccount(
  accountId: string,
  input: { roles?: Role[] | undefined; status?: Exclude<AccountStatus, "invited"> | undefined },
  deps: AccountsDeps,
): Promise<Account> {
  return deps.database.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, accountId);
    if (!user) throw notFound();
    const wasActiveAdmin = user.status === "active" && (await repo.rolesOf(tx, user.id)).includes("admin");
    if (input.roles) await repo.setRoles(tx, user.id, input.roles);
    if (input.status && user.status !== "invited") {
      await repo.updateUser(tx, user.id, { status: input.status, updatedAt: deps.clock.now() });
      if (input.status === "disabled") await deleteSessionsOfUser(tx, user.id);
    }
    if (wasActiveAdmin && (await repo.countActiveAdmins(tx)) === 0) throw new AppError("LAST_ADMIN");
    const account = await repo.getAccount(tx, user.id);
    if (!account) throw notFound();
    return account;
  });
}

export async function overview(deps: AccountsDeps, countPeople: () => Promise<number>) {
  return { people: await countPeople(), accounts: await repo.countAccountsByStatus(deps.database.db) };
}
