/** The glossary context as other contexts and the start-up may use it. */
export { approvedTermsIndex } from "./approved-terms-index.ts";
export { syncGlossaryFromFile } from "./sync-glossary-seed.ts";
