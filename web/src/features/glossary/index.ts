/**
 * The glossary as other features use it: `GlossaryButton` (the glossary at hand, in a drawer) and
 * `GlossaryText` (a text with its terms linked to their definition). The page is imported by the router.
 */
export { GlossaryButton } from "./glossary-button.tsx";
export { GlossaryText } from "./glossary-text.tsx";
export { approvedTermsQuery, glossaryKeys } from "./queries.ts";
