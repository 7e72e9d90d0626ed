/** The accounts context as the rest of the server (start-up, CLI, demo) may use it. */
export { insertUser } from "./accounts.repository.ts";
export { createAdmin, ensureFirstAdmin } from "./accounts.service.ts";
