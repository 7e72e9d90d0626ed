/**
 * "Forgot your password?", the link's side: a new password from a one-time link. Every session of
 * the account ends (whoever asked may not be the only one holding it) and its owner is told by a
 * security email. The person is not logged in: they log in with the new password.
 */
import { hashPassword } from "../../platform/auth/passwords.ts";
import { deleteSessionsOfUser } from "../../platform/auth/session-store.ts";
import { hashToken } from "../../platform/auth/tokens.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import { queueMail } from "../../platform/mail/index.ts";
import { updateUser } from "./accounts.repository.ts";
import { assertStrongPassword } from "./accounts.service.ts";
import * as repo from "./password-resets.repository.ts";
import type { PasswordResetDeps } from "./request-password-reset.ts";

const linkInvalid = () => new AppError("PASSWORD_RESET_INVALID");

/**
 * Sets the password of the account a link was sent to. The link must be unused, not expired nor
 * replaced, and its account active; the password meets the rules of every other form (field
 * errors on `password`).
 */
export async function resetPassword(input: { token: string; password: string }, deps: PasswordResetDeps): Promise<void> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const found = await repo.findOpenReset(db, hashToken(input.token), now);
  if (!found) throw linkInvalid();
  const { user } = found;
  assertStrongPassword(input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // Marking the link used is the atomic step: of two concurrent uses, only one gets past it.
    if (!(await repo.markResetUsed(tx, found.resetId, now))) throw linkInvalid();
    await repo.expireOpenResets(tx, user.id, now);
    await updateUser(tx, user.id, { passwordHash, updatedAt: now });
    await deleteSessionsOfUser(tx, user.id);
    await queueMail(
      tx,
      [
        {
          category: "security",
          template: "password_changed",
          params: { email: user.email, at: now.toISOString(), path: "/login", name: user.displayName },
          toAddress: user.email,
          toUserId: user.id,
          locale: user.locale,
        },
      ],
      now,
    );
  });
}
