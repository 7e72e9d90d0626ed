/**
 * The onboarding (preparation) feature as other features use it: the managers' completion table of a
 * programme, Markdown rendering for catalogue and charter texts, and the keys of its queries. The
 * participant's page is imported by the router.
 */
export { MarkdownText } from "./markdown-text.tsx";
export { OnboardingCompletion } from "./onboarding-completion.tsx";
export { onboardingKeys } from "./queries.ts";
