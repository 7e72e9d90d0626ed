import type { Tx } from "../../db/client.ts";
import type { CurrentUser } from "../../platform/auth/session-store.ts";
import { acceptsProposals, canSeeProgramme, findEnrolment, findProgramme, type ProgrammeRow } from "../programmes/index.ts";
import { checkMenteeMayPropose } from "./proposals.domain.ts";

/** The programme, open to proposals, and the caller as a mentee of it (proposals.domain: checkMenteeMayPropose). */
export async function menteeOfProgramme(
  db: Tx,
  programmeId: string,
  user: CurrentUser,
): Promise<{ programme: ProgrammeRow; personId: string }> {
  const programme = await findProgramme(db, programmeId);
  const enrolment = programme && user.personId ? await findEnrolment(db, programmeId, user.personId) : undefined;
  checkMenteeMayPropose({
    enrolment,
    // A draft is announced to nobody: "not found" before any 403 or 409 that would reveal it.
    isVisible: programme !== undefined && canSeeProgramme(programme, true, user),
    acceptsProposals: programme !== undefined && acceptsProposals(programme),
  });
  return { programme: programme as ProgrammeRow, personId: user.personId as string };
}
