import type { InvitationBatchPreview, InvitationBatchSource } from "../../../contracts/invitations.ts";
import { notFound } from "../../platform/errors/app-error.ts";
import type { AccountsDeps } from "./accounts.service.ts";
import { countSource } from "./invitation-batch-people.ts";

/**
 * Before a bulk invitation: how many people of the source (the directory's filters, a programme's
 * enrolled people) would be invited, and how many are left out because they have an account already.
 * Active people only: those who left the company are not invited. From a programme, an account never
 * activated whose invitation expired is invited again (counted in `toInvite`); one with a link that
 * still works is left out.
 */
export async function previewInvitationBatch(
  source: InvitationBatchSource,
  deps: Pick<AccountsDeps, "database" | "clock">,
): Promise<InvitationBatchPreview> {
  const counts = await countSource(deps.database.db, source, deps.clock.now());
  if (!counts) throw notFound();
  return { toInvite: counts.toInvite, withAccount: counts.withAccount };
}
