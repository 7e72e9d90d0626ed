/** The setup feature as other features use it: whether the first administrator still has to be created (the login page says so). */
export { setupKeys, setupStatusQuery } from "./queries.ts";
