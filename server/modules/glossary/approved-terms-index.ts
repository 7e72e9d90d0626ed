import type { Tx } from "../../db/client.ts";
import * as repo from "./glossary.repository.ts";

/**
 * The approved terms' ids and texts, for another context that links terms in a text (agendas,
 * notes); compare them with `normaliseGlossaryText` (contracts/glossary.ts), as the web app's
 * GlossaryText does.
 */
export function approvedTermsIndex(db: Tx): Promise<{ id: string; term: string }[]> {
  return repo.approvedTermNames(db);
}
