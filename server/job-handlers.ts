/**
 * What each job queue runs (server/platform/jobs): the composition root of background work, as
 * app.ts is for routes. main.ts starts workers on it; tests and the demo run it with runPendingJobs.
 */
import { runInvitationBatch, sendInvitationReminders, sendPasswordResetLink } from "./modules/accounts/index.ts";
import { sendDigests } from "./modules/notifications/index.ts";
import { remindIntroAnswers } from "./modules/pairs/index.ts";
import { applyImportJob } from "./modules/people/index.ts";
import { expireProposals } from "./modules/proposals/index.ts";
import { cancelSessionsOfClosedPair, sendSessionReminders, sendWeeklySessionDigests } from "./modules/sessions/index.ts";
import type { AppDeps } from "./platform/http/deps.ts";
import type { JobHandlers } from "./platform/jobs/job-queue.ts";
import { deliverMail } from "./platform/mail/index.ts";

export function jobHandlers(deps: AppDeps): JobHandlers {
  return {
    "mail-deliver": (data, job) => deliverMail(data.messageId, job, deps),
    "people-import-apply": (data) => applyImportJob(data.importId, deps),
    "proposals-expire": async () => void (await expireProposals(deps)),
    "intro-reminders": async () => void (await remindIntroAnswers(deps)),
    "session-reminders": async () => void (await sendSessionReminders(deps)),
    "sessions-weekly-digest": async () => void (await sendWeeklySessionDigests(deps)),
    "pair-sessions-close": async (data) => void (await cancelSessionsOfClosedPair(data.pairId, deps)),
    "mail-digest": async () => void (await sendDigests(deps)),
    "password-reset-request": (data) => sendPasswordResetLink(data, deps),
    "invitation-batch": (data, job) => runInvitationBatch(data.batchId, job, deps),
    "invitation-reminders": async () => void (await sendInvitationReminders(deps)),
  };
}
