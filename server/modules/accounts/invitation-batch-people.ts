/**
 * Whom a bulk invitation is for, read from the context that knows: the people the directory's filters
 * show (people context), or a programme's enrolled people (programmes context). Either way, active people
 * of the directory without an account; from a programme, also those whose account was never activated and
 * holds no link that still works (their invitation expired): they are invited again, to the same account.
 */
import type { InvitationBatchSource } from "../../../contracts/invitations.ts";
import type { Tx } from "../../db/client.ts";
import { countPeopleByAccount, peopleWithoutAccount } from "../people/index.ts";
import { cohortMembers, countEnrolledByAccount, enrolledWithoutAccount, findProgramme } from "../programmes/index.ts";
import * as repo from "./invitations.repository.ts";

export type PersonToInvite = { id: string; firstName: string; lastName: string; email: string };

/**
 * How many would be invited (without an account, or invited again), how many are left out because they
 * have an account (active, or invited with a link that still works); undefined for an unknown programme.
 */
export async function countSource(
  tx: Tx,
  source: InvitationBatchSource,
  now: Date,
): Promise<{ toInvite: number; withAccount: number } | undefined> {
  if (source.kind === "directory") {
    const counts = await countPeopleByAccount(tx, source.filters);
    return { toInvite: counts.withoutAccount, withAccount: counts.withAccount };
  }
  if (!(await findProgramme(tx, source.programmeId))) return undefined;
  const counts = await countEnrolledByAccount(tx, source.programmeId);
  const again = (await lapsedAccountsOf(tx, source.programmeId, now)).length;
  return { toInvite: counts.withoutAccount + again, withAccount: Math.max(0, counts.withAccount - again) };
}

/** The next people of the source without an account, in id order after `afterId`. */
export function nextPeopleToInvite(
  tx: Tx,
  source: InvitationBatchSource,
  options: { afterId?: string | undefined; limit: number },
): Promise<PersonToInvite[]> {
  return source.kind === "directory"
    ? peopleWithoutAccount(tx, source.filters, options)
    : enrolledWithoutAccount(tx, source.programmeId, options);
}

/**
 * From a programme: the next `limit` accounts of its enrolled people never activated and without a link
 * that works at `now`, locked (see invitations.repository `lockInvitedWithoutOpenLink`). Once invited
 * again they hold an open link, so they are not chosen twice. None from the directory's filters.
 */
export async function nextAccountsToInviteAgain(
  tx: Tx,
  source: InvitationBatchSource,
  now: Date,
  limit: number,
): Promise<repo.InvitedAccount[]> {
  if (source.kind !== "programme") return [];
  const lapsed = await lapsedAccountsOf(tx, source.programmeId, now);
  // Read again under the lock: some may have been invited meanwhile (by hand, by another batch).
  for (let k = 0; k < lapsed.length; k += limit) {
    const locked = await repo.lockInvitedWithoutOpenLink(
      tx,
      lapsed.slice(k, k + limit).map((a) => a.id),
      now,
    );
    if (locked.length) return locked;
  }
  return [];
}

/**
 * Where the invitation of each of these people stands, for those whose account was never activated:
 * "open" (a link that still works: the invitation's or a reminder's), "lapsed" (none: expired or
 * replaced). People with an active account, or none, are not in the map.
 */
export async function invitationStatesOf(tx: Tx, personIds: string[], now: Date): Promise<Map<string, "open" | "lapsed">> {
  const states = new Map<string, "open" | "lapsed">();
  for (const row of await repo.invitedAccountsOf(tx, personIds, now)) {
    // Two accounts for one person (one linked, one by email): one link that works is enough.
    if (states.get(row.personId) !== "open") states.set(row.personId, row.hasOpenInvitation ? "open" : "lapsed");
  }
  return states;
}

/** The accounts never activated, without a link that works, of a programme's invitable people, by account id. */
async function lapsedAccountsOf(tx: Tx, programmeId: string, now: Date): Promise<repo.InvitedAccount[]> {
  // Enrolled, not declined, still active in the directory: whom a programme's bulk invitation is for.
  const personIds = (await cohortMembers(tx, programmeId)).filter((m) => m.isActive).map((m) => m.personId);
  const byId = new Map<string, repo.InvitedAccount>();
  for (const row of await repo.invitedAccountsOf(tx, personIds, now)) if (!row.hasOpenInvitation) byId.set(row.account.id, row.account);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The programme an invitation comes from, named in its email; null for the directory's. */
export async function programmeNameOf(tx: Tx, source: InvitationBatchSource | null | undefined): Promise<string | null> {
  if (source?.kind !== "programme") return null;
  return (await findProgramme(tx, source.programmeId))?.name ?? null;
}
