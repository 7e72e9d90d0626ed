/**
 * Every error code the API answers, in one catalogue: its HTTP status and the key of its message
 * in the server's catalogue (contracts/i18n/messages.*.json, translated into the request's
 * language). The server's `AppError` takes a code of this catalogue and reads its status and
 * message from here; the OpenAPI document lists it (components.schemas.Error and a table in the
 * description); the web app types `ApiError.code` with `ErrorCode`. Checked by
 * server/platform/errors/error-catalogue.test.ts (messages in French and English, statuses).
 */
import { z } from "zod";

type CatalogueEntry = {
  status: number;
  /** The message key answered by default. */
  message: string;
  /** Other message keys the same code may answer with (a more precise wording). */
  alsoMessages?: readonly string[];
};

export const ERROR_CATALOGUE = {
  // Any request: answered by the error handler (server/platform/errors/error-handler.ts) and the auth plugin.
  VALIDATION_ERROR: { status: 400, message: "errors.validation" },
  BAD_REQUEST: {
    status: 400,
    message: "errors.badRequest",
    alsoMessages: ["errors.missingContentType", "errors.invalidJson", "errors.emptyJson", "errors.invalidContentLength"],
  },
  BAD_URL: { status: 400, message: "errors.badUrl" },
  INVALID_TEXT: { status: 400, message: "errors.invalidText" },
  UNAUTHENTICATED: { status: 401, message: "errors.unauthenticated" },
  FORBIDDEN: { status: 403, message: "errors.forbidden" },
  CSRF_INVALID: { status: 403, message: "errors.csrf" },
  NOT_FOUND: { status: 404, message: "errors.notFound", alsoMessages: ["errors.routeNotFound"] },
  CONFLICT: { status: 409, message: "errors.conflict" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "errors.payloadTooLarge" },
  URL_TOO_LONG: { status: 414, message: "errors.urlTooLong" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "errors.unsupportedMediaType", alsoMessages: ["errors.missingContentType"] },
  RATE_LIMITED: { status: 429, message: "errors.rateLimited" },
  INTERNAL: { status: 500, message: "errors.internal" },

  // Accounts and login.
  INVALID_CREDENTIALS: { status: 401, message: "errors.invalidCredentials" },
  WRONG_CURRENT_PASSWORD: { status: 400, message: "errors.wrongCurrentPassword" },
  ACCOUNT_DISABLED: { status: 403, message: "errors.accountDisabled" },
  SETUP_TOKEN_INVALID: { status: 403, message: "errors.setupTokenInvalid" },
  CANNOT_GRANT_ROLE: { status: 403, message: "errors.cannotInviteRole" },
  INVITATION_INVALID: { status: 404, message: "errors.invitationInvalid" },
  PASSWORD_RESET_INVALID: { status: 410, message: "errors.passwordResetInvalid" },
  SETUP_NOT_AVAILABLE: { status: 409, message: "errors.setupNotAvailable" },
  EMAIL_TAKEN: { status: 409, message: "errors.emailTaken" },
  PERSON_HAS_ACCOUNT: { status: 409, message: "errors.personHasAccount", alsoMessages: ["errors.personHasOtherAccount"] },
  NOT_INVITED: { status: 409, message: "errors.notInvited" },
  LAST_ADMIN: { status: 409, message: "errors.lastAdmin" },
  TOO_MANY_ATTEMPTS: { status: 429, message: "errors.tooManyAttempts" },

  // People directory import.
  IMPORT_FILE_INVALID: {
    status: 400,
    message: "import.file.unreadable",
    alsoMessages: ["import.file.emptyFile", "import.file.missingColumn", "import.file.unreadableEncoding"],
  },
  IMPORT_NOT_PENDING: { status: 409, message: "import.file.notPending" },
  IMPORT_REJECTED: { status: 409, message: "import.file.rejected" },

  // Skills catalogue.
  SKILL_IN_USE: { status: 409, message: "errors.skillInUse" },

  // Programmes, enrolment and matching.
  PROGRAMME_CLOSED: { status: 409, message: "errors.programmeClosed" },
  INVALID_PHASE_CHANGE: { status: 409, message: "errors.invalidPhaseChange" },
  NOT_OPEN_FOR_ENROLMENT: { status: 409, message: "errors.notOpenForEnrolment" },
  ALREADY_ENROLLED: { status: 409, message: "errors.alreadyEnrolled" },
  HAS_OPEN_PAIR: { status: 409, message: "errors.hasOpenPair" },
  MATCHING_NOT_OPEN: { status: 409, message: "errors.matchingNotOpen" },
  RUN_PUBLISHED: { status: 409, message: "errors.runPublished" },
  RUN_OUTDATED: { status: 409, message: "errors.runOutdated" },
  /** A swap would put a new pair under the programme's minimum score: details name each such pair; resend with `confirmBelowMinimum`. */
  SWAP_BELOW_MIN_SCORE: { status: 409, message: "errors.swapBelowMinScore" },

  // Pairs and proposals.
  PAIR_NOT_ALLOWED: { status: 409, message: "errors.pairNotAllowed" },
  PROFILE_NEEDED: { status: 409, message: "errors.profileNeeded" },
  ALREADY_PAIRED: { status: 409, message: "errors.alreadyPaired", alsoMessages: ["errors.menteeAlreadyPaired"] },
  INVALID_PAIR_TRANSITION: { status: 409, message: "errors.invalidPairTransition" },
  NOT_IN_INTRO: { status: 409, message: "errors.notInIntro" },
  PROPOSALS_CLOSED: { status: 409, message: "errors.proposalsClosed" },
  PROPOSAL_NOT_OPEN: { status: 409, message: "errors.proposalNotOpen" },
  PROPOSAL_EXISTS: { status: 409, message: "errors.proposalExists" },
  PROPOSAL_EXPIRED: { status: 409, message: "errors.proposalExpired" },
  TOO_MANY_PROPOSALS: { status: 409, message: "errors.tooManyProposals" },
  MENTOR_FULL: { status: 409, message: "errors.mentorFull" },

  // Goals of a pair (server/modules/goals/goals.domain.ts).
  GOAL_PAIR_CLOSED: { status: 409, message: "errors.goalPairClosed" },
  GOAL_NOT_EDITABLE: { status: 409, message: "errors.goalNotEditable" },
  /** Agreeing to a goal one wrote, signing off a goal one learns: the partner's part. */
  GOAL_PARTNER_ONLY: { status: 403, message: "errors.goalPartnerOnly", alsoMessages: ["errors.goalSignOffPartnerOnly"] },
  GOAL_LEARNER_ONLY: { status: 403, message: "errors.goalLearnerOnly" },
  GOAL_ALREADY_AGREED: { status: 409, message: "errors.goalAlreadyAgreed" },
  GOAL_INVALID_STATUS_CHANGE: { status: 409, message: "errors.goalInvalidStatusChange" },
  GOAL_NOT_ACHIEVED: { status: 409, message: "errors.goalNotAchieved" },
  GOAL_ALREADY_SIGNED_OFF: { status: 409, message: "errors.goalAlreadySignedOff" },

  // Email (the outbox).
  MAIL_NOT_FAILED: { status: 409, message: "errors.mailNotFailed" },

  // Glossary (server/modules/glossary).
  GLOSSARY_TERM_EXISTS: { status: 409, message: "errors.glossaryTermExists" },
  GLOSSARY_TERM_INCOMPLETE: { status: 409, message: "errors.glossaryTermIncomplete" },

  // Session notes and action items (server/modules/sessions/notes).
  NOTES_NOT_OPEN: { status: 409, message: "errors.notesSessionNotStarted", alsoMessages: ["errors.notesSessionCancelled"] },

  // Sessions and their agenda (server/modules/sessions).
  SESSIONS_NOT_OPEN: { status: 409, message: "errors.sessionsPairNotActive", alsoMessages: ["errors.sessionsAwaitOnboarding"] },
  SESSION_NOT_SCHEDULED: { status: 409, message: "errors.sessionNotScheduled", alsoMessages: ["errors.sessionCancelled"] },
  SESSION_NOT_STARTED: { status: 409, message: "errors.sessionNotStarted" },
  AGENDA_CLOSED: { status: 409, message: "errors.agendaClosed" },
} as const satisfies Record<string, CatalogueEntry>;

type Catalogue = typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [keyof Catalogue, ...(keyof Catalogue)[]];
/** A code of the catalogue: what `error.code` of an API answer holds. */
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The message keys a code may answer with: its own, or one of its `alsoMessages`. */
export type ErrorMessageKey<C extends ErrorCode> =
  | Catalogue[C]["message"]
  | (Catalogue[C] extends { alsoMessages: readonly (infer K)[] } ? K : never);

/** Every message key of an entry, the default first. */
export function messageKeysOf(code: ErrorCode): readonly string[] {
  const entry: CatalogueEntry = ERROR_CATALOGUE[code];
  return [entry.message, ...(entry.alsoMessages ?? [])];
}

/** The body of every error answer: a code of the catalogue, its message translated, and per-field details. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** One entry per refused field ("email", "answers.0.level"), its message translated. */
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
