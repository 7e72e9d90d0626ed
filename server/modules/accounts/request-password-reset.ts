/**
 * "Forgot your password?", the asking side. The request itself only queues a job, whatever the
 * address: the answer, and the time it takes, say nothing of whether an account exists. The job
 * then sends a one-time link to an active account, at most three in an hour.
 */
import type { Database } from "../../db/client.ts";
import { hashToken, newToken } from "../../platform/auth/tokens.ts";
import type { Clock } from "../../platform/clock/clock.ts";
import { enqueue, type JobPayloads } from "../../platform/jobs/job-queue.ts";
import { queueMail } from "../../platform/mail/index.ts";
import * as repo from "./password-resets.repository.ts";

export type PasswordResetDeps = { database: Database; clock: Clock };

/** How long a link stays valid. */
const PASSWORD_RESET_VALIDITY_MS = 3_600_000;
/** Links an account may receive in an hour: more requests are ignored, without a word to the asker. */
const MAX_PASSWORD_RESETS_PER_HOUR = 3;

/** The page of the web app that opens a link (web/src/features/password-reset). */
const RESET_PASSWORD_PATH = "/reset-password";

/**
 * Asks for a link for `email`: queues the job and nothing else (no lookup of the account here,
 * so that an unknown address takes the same path as a known one).
 */
export async function requestPasswordReset(input: JobPayloads["password-reset-request"], deps: PasswordResetDeps): Promise<void> {
  await deps.database.db.transaction((tx) => enqueue(tx, "password-reset-request", input));
}

/**
 * The job "password-reset-request": an active account with this email gets a new link (its earlier
 * open links stop working) by a security email in its language. No account, an invited or disabled
 * one, or three links already in the last hour: nothing happens.
 */
export async function sendPasswordResetLink(input: JobPayloads["password-reset-request"], deps: PasswordResetDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const user = await repo.lockActiveUserByEmail(tx, input.email.trim().toLowerCase());
    if (!user) return;
    const hourAgo = new Date(now.getTime() - 3_600_000);
    if ((await repo.countResetsSince(tx, user.id, hourAgo)) >= MAX_PASSWORD_RESETS_PER_HOUR) return;
    await repo.expireOpenResets(tx, user.id, now);
    const token = newToken();
    await repo.insertReset(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS),
    });
    await queueMail(
      tx,
      [
        {
          category: "security",
          template: "password_reset",
          params: { email: user.email, path: `${RESET_PASSWORD_PATH}?token=${token}`, name: user.displayName },
          toAddress: user.email,
          toUserId: user.id,
          locale: user.locale,
        },
      ],
      now,
    );
  });
}
