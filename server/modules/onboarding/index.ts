/** The onboarding context as other contexts may use it (programmes' enrolment board, pairs' session gate). */

export { mayStartSessions, modulesOfRole, type OnboardingStatus, onboardingStatus } from "./onboarding.domain.ts";
export { onboardingStatuses, recordCompletedOnboarding } from "./onboarding.service.ts";
export { onboardingModules } from "./onboarding-catalogue.ts";
