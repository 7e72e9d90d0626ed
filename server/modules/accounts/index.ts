/** The accounts context as the rest of the server (start-up, CLI, demo, other contexts) may use it. */
export { insertUser, setPersonOfUser } from "./accounts.repository.ts";
export { assertPersonHasNoAccount, createAdmin, ensureFirstAdmin } from "./accounts.service.ts";
