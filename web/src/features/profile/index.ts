/**
 * The profile feature as other features use it: my profile's query and its keys (to refresh it when my
 * programme roles change), the completeness card, and a profile's read-only summary (HR's person page).
 * The page itself is imported by the router.
 */
export { CompletenessCard } from "./completeness-card.tsx";
export { ProfileSummary } from "./profile-summary.tsx";
export { myProfileQuery, profileKeys, useMyProfile } from "./queries.ts";
