/** The glossary context as other contexts and the start-up may use it. */
export { syncGlossaryFromFile } from "./sync-glossary-seed.ts";
