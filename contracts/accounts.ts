/**
 * Request and response schemas of the accounts API, shared by the server (validation, OpenAPI)
 * and the web app (forms, types). Error messages are keys of contracts/i18n/messages.*.json.
 */
import { z } from "zod";
import { searchText, text } from "./text.ts";

export const ROLES = ["admin", "manager", "participant"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The languages of Passerelle (the UI, the server's messages, an account's choice); French first, the default. */
export const LOCALES = ["fr", "en"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** An account is "invited" until its invitation is accepted; "disabled" accounts cannot log in. */
export const ACCOUNT_STATUSES = ["invited", "active", "disabled"] as const;
export const AccountStatus = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The longest email address (RFC 5321's limit); the form fields stop there too. */
export const EMAIL_MAX_LENGTH = 254;
const Email = text()
  .trim()
  .toLowerCase()
  .min(1, { error: "fields.required" })
  .max(EMAIL_MAX_LENGTH, { error: "fields.email" })
  .pipe(z.email({ error: "fields.email" }));

/** Length in characters (code points), not UTF-16 units: "é" or "😀" counts as one. */
export const NewPassword = text()
  .refine((s) => [...s].length >= PASSWORD_MIN_LENGTH, { error: "fields.passwordTooShort", params: { min: PASSWORD_MIN_LENGTH } })
  .refine((s) => [...s].length <= PASSWORD_MAX_LENGTH, { error: "fields.passwordTooLong", params: { max: PASSWORD_MAX_LENGTH } });

/** The longest display name an account may have (the form fields stop there too). */
export const DISPLAY_NAME_MAX_LENGTH = 120;
const DisplayName = text().trim().min(1, { error: "fields.required" }).max(DISPLAY_NAME_MAX_LENGTH);

export const LoginBody = z.object({ email: Email, password: text().min(1, { error: "fields.required" }).max(PASSWORD_MAX_LENGTH) });
export type LoginBody = z.infer<typeof LoginBody>;

export const SetupBody = z.object({ token: text().min(1), displayName: DisplayName, email: Email, password: NewPassword });
export type SetupBody = z.infer<typeof SetupBody>;

export const SetupStatus = z.object({ isSetupRequired: z.boolean() });

export const InviteBody = z.object({
  email: Email,
  displayName: DisplayName,
  roles: z.array(Role).min(1, { error: "fields.atLeastOneRole" }),
  locale: Locale.optional(),
});
export type InviteBody = z.infer<typeof InviteBody>;

/**
 * An invitation just issued. It is always emailed to the person; with an SMTP server (`isEmailed`) the
 * answer carries no link, so that nobody but its owner can read it; without one (emails stay in the
 * outbox) the one-time link is returned, shown once, for the manager to hand over.
 */
export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  link: z.string().nullable(),
  isEmailed: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationTokenParams = z.object({ token: text().min(10).max(200) });
export const InvitationPreview = z.object({ email: z.string(), displayName: z.string(), locale: Locale });

export const AcceptInvitationBody = z.object({ password: NewPassword, displayName: DisplayName.optional() });

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  roles: z.array(Role),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ displayName: DisplayName.optional(), locale: Locale.optional() }).strict();
export const ChangePasswordBody = z.object({
  currentPassword: text().min(1, { error: "fields.required" }).max(PASSWORD_MAX_LENGTH),
  newPassword: NewPassword,
});

export const Account = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  status: AccountStatus,
  locale: Locale,
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
  /** Department and job title from the people directory, when the account is linked to a person. */
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;

export const ListAccountsQuery = z.object({
  q: searchText().trim().max(100).optional(),
  role: Role.optional(),
  status: AccountStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const AccountsPage = z.object({
  items: z.array(Account),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const AccountIdParams = z.object({ id: z.uuid() });
export const UpdateAccountBody = z
  .object({
    roles: z.array(Role).min(1, { error: "fields.atLeastOneRole" }).optional(),
    status: AccountStatus.exclude(["invited"]).optional(),
  })
  .strict();

/** Counts for the home page of admins and managers. */
export const Overview = z.object({
  people: z.number().int(),
  accounts: z.object({ active: z.number().int(), invited: z.number().int(), disabled: z.number().int() }),
});
export type Overview = z.infer<typeof Overview>;

export const CsrfToken = z.object({ token: z.string() });
export const Ok = z.object({ ok: z.literal(true) });
