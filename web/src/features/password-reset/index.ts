/**
 * The "forgot password" feature as other features use it: where its pages are (the login page links
 * to the first and shows what the second tells it). The pages are imported by the router directly.
 */

/** The page where one asks for a link. */
export const FORGOT_PASSWORD_PATH = "/forgot-password";

/** What the reset page hands the login page (router state) once the password is changed. */
export type LoginNotice = { isPasswordChanged?: boolean };
