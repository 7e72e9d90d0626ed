/** The accounts context as the rest of the server (start-up, CLI, demo, other contexts) may use it. */
export { insertUser, setPersonOfUser } from "./accounts.repository.ts";
export { assertPersonHasNoAccount, createAdmin, ensureFirstAdmin } from "./accounts.service.ts";
export { inviteEnrolledWithoutAccount } from "./create-invitation-batch.ts";
export { invitationStatesOf } from "./invitation-batch-people.ts";
export { sendPasswordResetLink } from "./request-password-reset.ts";
export { runInvitationBatch } from "./run-invitation-batch.ts";
export { sendInvitationReminders } from "./send-invitation-reminders.ts";
export { stopInvitationReminders } from "./stop-invitation-reminders.ts";
