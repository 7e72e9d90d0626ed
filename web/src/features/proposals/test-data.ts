/** Proposals for component tests (of this feature and of home). */
import type { Proposal } from "../../../../contracts/pairs.ts";

export const JEAN_PIERRE = {
  id: "00000000-0000-4000-8000-000000000031",
  firstName: "Jean-Pierre",
  lastName: "Le Floch",
  department: "Usine",
};
export const INES = { id: "00000000-0000-4000-8000-000000000032", firstName: "Inès", lastName: "Haddad", department: "Data" };
export const PROGRAMME = { id: "00000000-0000-4000-8000-000000000021", name: "Déploiement 2027" };

/** An open proposal from Jean-Pierre (mentee) to Inès (mentor), as Inès receives it; `overrides` change any field. */
export function aProposal(overrides: Partial<Proposal> = {}): Proposal {
  const now = Date.now();
  return {
    id: "00000000-0000-4000-8000-0000000000c1",
    programme: PROGRAMME,
    mentor: INES,
    mentee: JEAN_PIERRE,
    direction: "received",
    goals: "Construire mes tableaux de bord dans Power BI",
    offer: "Vous montrer comment se prépare un comité de direction",
    status: "open",
    declineReason: null,
    pairId: null,
    createdAt: new Date(now - 86_400_000).toISOString(),
    expiresAt: new Date(now + 3 * 86_400_000 + 3_600_000).toISOString(),
    decidedAt: null,
    ...overrides,
  };
}
