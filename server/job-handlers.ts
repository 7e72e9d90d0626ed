/**
 * What each job queue runs (server/platform/jobs): the composition root of background work, as
 * app.ts is for routes. main.ts starts workers on it; tests and the demo run it with runPendingJobs.
 */
import { remindIntroAnswers } from "./modules/pairs/index.ts";
import { expireProposals } from "./modules/proposals/index.ts";
import type { AppDeps } from "./platform/http/deps.ts";
import type { JobHandlers } from "./platform/jobs/job-queue.ts";
import { deliverMail } from "./platform/mail/index.ts";

export function jobHandlers(deps: AppDeps): JobHandlers {
  return {
    "mail-deliver": (data, job) => deliverMail(data.messageId, job, deps),
    "proposals-expire": async () => void (await expireProposals(deps)),
    "intro-reminders": async () => void (await remindIntroAnswers(deps)),
  };
}
