/**
 * Whom a bulk invitation is for, read from the context that knows: the people the directory's filters
 * show (people context), or a programme's enrolled people (programmes context). Either way, active people
 * of the directory without an account.
 */
import type { InvitationBatchSource } from "../../../contracts/invitations.ts";
import type { Tx } from "../../db/client.ts";
import { countPeopleByAccount, peopleWithoutAccount } from "../people/index.ts";
import { countEnrolledByAccount, enrolledWithoutAccount, findProgramme } from "../programmes/index.ts";

export type PersonToInvite = { id: string; firstName: string; lastName: string; email: string };

/** How many would be invited, how many already have an account; undefined for an unknown programme. */
export async function countSource(
  tx: Tx,
  source: InvitationBatchSource,
): Promise<{ withoutAccount: number; withAccount: number } | undefined> {
  if (source.kind === "directory") return countPeopleByAccount(tx, source.filters);
  if (!(await findProgramme(tx, source.programmeId))) return undefined;
  return countEnrolledByAccount(tx, source.programmeId);
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

/** The programme an invitation comes from, named in its email; null for the directory's. */
export async function programmeNameOf(tx: Tx, source: InvitationBatchSource | null | undefined): Promise<string | null> {
  if (source?.kind !== "programme") return null;
  return (await findProgramme(tx, source.programmeId))?.name ?? null;
}
