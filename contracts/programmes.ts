import { z } from "zod";
import { CompletenessFilter } from "./people.ts";
import { Format } from "./session-formats.ts";
import { searchText, text } from "./text.ts";

export const PROGRAMME_PHASES = ["draft", "enrolment", "matching", "running", "closed"] as const;
export const ProgrammePhase = z.enum(PROGRAMME_PHASES);
export type ProgrammePhase = z.infer<typeof ProgrammePhase>;
/**
 * The phases in which a programme is announced to the people enrolled in it: they see it, and their profile
 * asks the questions of their role in it. A draft is announced to nobody; a closed programme is over.
 */
export const ANNOUNCED_PHASES = ["enrolment", "matching", "running"] as const satisfies readonly ProgrammePhase[];
/** A person's role in a programme (and in a pair). */
export const PARTICIPANT_ROLES = ["mentor", "mentee"] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;
export const SESSION_MINUTES = [30, 45, 60] as const;
/** "invited" until the person answers (joined or declined); an application is an answer. */
export const ENROLMENT_STATUSES = ["invited", "joined", "declined"] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;
/** How a person entered a programme: enrolled by a manager, or by applying. */
export const ENROLMENT_SOURCES = ["manager", "application"] as const;
export const EnrolmentSource = z.enum(ENROLMENT_SOURCES);
export type EnrolmentSource = z.infer<typeof EnrolmentSource>;
/** A manager's decision kept across matching runs: a pair locked in, or forbidden. */
export const CONSTRAINT_KINDS = ["lock", "forbid"] as const;
export const ConstraintKind = z.enum(CONSTRAINT_KINDS);
export type ConstraintKind = z.infer<typeof ConstraintKind>;

/**
 * The states of a pair (docs/pairs.md). Here rather than in pairs.ts, which imports this file: a
 * programme's screens show them too.
 */
export const PAIR_STATES = ["intro", "active", "completed", "ended_early", "not_a_fit"] as const;
export const PairState = z.enum(PAIR_STATES);
export type PairState = z.infer<typeof PairState>;
/** An open pair: a mentee has at most one per programme (the database's partial unique index says the same). */
export const OPEN_PAIR_STATES = ["intro", "active"] as const satisfies readonly PairState[];
export const OpenPairState = z.enum(OPEN_PAIR_STATES);
export type OpenPairState = z.infer<typeof OpenPairState>;

/** The longest agenda deadline a programme may set, in hours before the session: two weeks. */
export const AGENDA_DEADLINE_MAX_HOURS = 336;

const Bilingual = z.object({ fr: z.string(), en: z.string() });
const IsoDate = z.iso.date();
const weight = z.number().min(0).max(1);

/** The engine's settings a programme keeps (docs/matching.md §2). */
export const ProgrammeMatchingSettings = z.object({
  weights: z.object({
    teaching: weight,
    reciprocity: weight,
    interests: weight,
    availability: weight,
    format: weight,
    language: weight,
  }),
  minScore: z.number().min(0).max(1),
  defaultCapacity: z.number().int().min(1).max(5),
  forbidSameTeam: z.boolean(),
  /** How far up the management chain a pair is forbidden; null = the whole chain. */
  managementChainDepth: z.number().int().min(1).max(10).nullable(),
});
export type ProgrammeMatchingSettings = z.infer<typeof ProgrammeMatchingSettings>;

/** Every editable field of a programme (all copied from the template at creation). */
export const ProgrammeFields = z.object({
  name: text().trim().min(1, { error: "fields.required" }).max(120),
  objectives: text().trim().max(5000),
  startsOn: IsoDate,
  endsOn: IsoDate,
  cadenceWeeks: z.number().int().min(1).max(8),
  sessionMinutes: z.union([z.literal(30), z.literal(45), z.literal(60)]),
  format: Format,
  isPilot: z.boolean(),
  targetPairs: z.number().int().min(1).max(100000).nullable(),
  charterFr: text().trim().min(1, { error: "fields.required" }).max(20000),
  charterEn: text().trim().min(1, { error: "fields.required" }).max(20000),
  matchingSettings: ProgrammeMatchingSettings,
  allowsProposals: z.boolean(),
  proposalExpiryDays: z.number().int().min(1).max(90),
  requiresOnboarding: z.boolean(),
  /** How many hours before a session its agenda is due (the reminder goes out then if it is still empty): 1 hour to 2 weeks. */
  agendaDeadlineHours: z.number().int().min(1).max(AGENDA_DEADLINE_MAX_HOURS),
});
export type ProgrammeFields = z.infer<typeof ProgrammeFields>;

export const CreateProgrammeBody = ProgrammeFields.extend({
  templateId: text().max(80).nullable(),
  /** Optional at creation: DEFAULT_AGENDA_DEADLINE_HOURS (the column's default) when left out. */
  agendaDeadlineHours: ProgrammeFields.shape.agendaDeadlineHours.optional(),
});
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>;
export const UpdateProgrammeBody = ProgrammeFields.partial();
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBody>;

/** A programme template (catalogue/programme-templates.yaml) with the programme fields it pre-fills. */
export const ProgrammeTemplate = z.object({
  id: z.string(),
  name: Bilingual,
  description: Bilingual,
  objectives: Bilingual,
  durationMonths: z.number().int(),
  cadenceWeeks: z.number().int(),
  sessionMinutes: z.number().int(),
  format: Format,
  isPilot: z.boolean(),
  targetPairs: z.number().int().nullable(),
  allowsProposals: z.boolean(),
  requiresOnboarding: z.boolean(),
  proposalExpiryDays: z.number().int(),
  matchingSettings: ProgrammeMatchingSettings,
  charter: Bilingual,
});
export type ProgrammeTemplate = z.infer<typeof ProgrammeTemplate>;
export const ProgrammeTemplateList = z.object({ items: z.array(ProgrammeTemplate) });

const RoleCounts = z.object({ mentor: z.number().int(), mentee: z.number().int() });

export const Programme = ProgrammeFields.extend({
  /**
   * The managers' only: with a participant's fit level and reasons, the weights and the minimum score would
   * give their score back (docs/pairs.md). Absent for everyone else.
   */
  matchingSettings: ProgrammeMatchingSettings.optional(),
  id: z.uuid(),
  templateId: z.string().nullable(),
  phase: ProgrammePhase,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** People enrolled and not declined, by role. */
  enrolled: RoleCounts,
  /** Open pairs (intro or active). */
  openPairs: z.number().int(),
  /** The caller's own enrolment, when they have one. */
  myEnrolment: z.object({ role: ParticipantRole, status: EnrolmentStatus }).nullable(),
});
export type Programme = z.infer<typeof Programme>;
export const ProgrammeList = z.object({ items: z.array(Programme) });

export const ProgrammeIdParams = z.object({ id: z.uuid() });
export const ProgrammePersonParams = z.object({ id: z.uuid(), personId: z.uuid() });
export const ChangePhaseBody = z.object({ phase: ProgrammePhase });

/* ---------------------------------------------------------------- enrolment */

export const EnrolBody = z
  .object({
    role: ParticipantRole,
    /** Employee ids from the HR directory, e.g. pasted from a spreadsheet. */
    employeeIds: z.array(text().trim().min(1).max(64)).max(5000).optional(),
    /** Or everyone of the directory matching these filters. */
    filters: z
      .object({
        q: searchText().trim().max(100).optional(),
        department: searchText().trim().max(100).optional(),
        site: searchText().trim().max(100).optional(),
        skill: searchText().trim().max(80).optional(),
      })
      .optional(),
  })
  // Ids or filters, not both; and at least one filter, so that nobody enrols the whole directory by mistake.
  .refine((b) => Boolean(b.employeeIds?.length) !== Boolean(b.filters && Object.values(b.filters).some(Boolean)), {
    error: "fields.employeeIdsOrFilters",
    path: ["employeeIds"],
  });
export type EnrolBody = z.infer<typeof EnrolBody>;

export const EnrolResult = z.object({
  enrolled: z.number().int(),
  /** Already in the programme (in any role): left as they were. */
  alreadyEnrolled: z.number().int(),
});

export const Enrolment = z.object({
  personId: z.uuid(),
  employeeId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  department: z.string().nullable(),
  role: ParticipantRole,
  status: EnrolmentStatus,
  source: EnrolmentSource,
  isSetAside: z.boolean(),
  /** The mentor's capacity in this programme (mentors only). */
  capacity: z.number().int().nullable(),
  profileCompleteness: z.number().int().nullable(),
  hasAccount: z.boolean(),
  onboarding: z.object({
    modulesDone: z.number().int(),
    modulesTotal: z.number().int(),
    charterAccepted: z.boolean(),
    isComplete: z.boolean(),
  }),
  /** The state of their open pair (intro / active), if any. */
  pairState: OpenPairState.nullable(),
  /** Their last pair closed as "not a fit" and they have no open pair: they need a new match. */
  needsRematch: z.boolean(),
  createdAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const EnrolmentQuery = z.object({
  role: ParticipantRole.optional(),
  status: EnrolmentStatus.optional(),
  completeness: CompletenessFilter.optional(),
  q: searchText().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const StatusCounts = z.object({ invited: z.number().int(), joined: z.number().int(), declined: z.number().int() });
export const EnrolmentBoard = z.object({
  counts: z.object({
    mentor: StatusCounts,
    mentee: StatusCounts,
    /** Of those not declined: profile complete (100 %), started, not started. */
    completeness: z.object({ complete: z.number().int(), incomplete: z.number().int(), none: z.number().int() }),
    setAside: z.number().int(),
    needsRematch: z.number().int(),
  }),
  items: z.array(Enrolment),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EnrolmentBoard = z.infer<typeof EnrolmentBoard>;

export const UpdateEnrolmentBody = z.object({
  isSetAside: z.boolean().optional(),
  capacity: z.number().int().min(1).max(5).nullable().optional(),
});

export const ApplyBody = z.object({ role: ParticipantRole });
export const RespondBody = z.object({ accept: z.boolean() });

/* ---------------------------------------------------------------- matching runs */

/** Someone named in a programme's screens: name and department. */
export const PersonRef = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), department: z.string().nullable() });
export type PersonRef = z.infer<typeof PersonRef>;
/** One reason of a pair's score, as the engine explains it in French and English. */
export const Reason = z.object({ component: z.string(), contribution: z.number(), fr: z.string(), en: z.string() });

export const RunSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  mentors: z.number().int(),
  mentees: z.number().int(),
  pairs: z.number().int(),
  total: z.number(),
  matchedRatio: z.number(),
  worstScore: z.number().nullable(),
  medianScore: z.number().nullable(),
  locks: z.number().int(),
  forbids: z.number().int(),
  setAside: z.number().int(),
  /** Engine time, in milliseconds. */
  ms: z.number(),
});
export type RunSummary = z.infer<typeof RunSummary>;
export const RunList = z.object({ items: z.array(RunSummary) });

export const RunPair = z.object({
  mentor: PersonRef,
  mentee: PersonRef,
  score: z.number(),
  isLocked: z.boolean(),
  reasons: z.array(Reason),
  /** The mentee's next best mentors in this cohort (other than this one), best first. */
  alternatives: z.array(z.object({ mentor: PersonRef, score: z.number() })),
});
export type RunPair = z.infer<typeof RunPair>;

export const UNMATCHED_WHY = ["no_profile", "no_compatible", "below_min_score", "outbid", "no_mentor_left", "no_mentee_left"] as const;
export const UnmatchedWhy = z.enum(UNMATCHED_WHY);
export type UnmatchedWhy = z.infer<typeof UnmatchedWhy>;
export const RunUnmatched = z.object({
  person: PersonRef,
  role: ParticipantRole,
  why: UnmatchedWhy,
  /** Their best option, when one existed (the mentor went to someone who gained more). */
  bestOption: z.object({ person: PersonRef, score: z.number() }).nullable(),
});
export type RunUnmatched = z.infer<typeof RunUnmatched>;

/** The orders of a run's pairs: by score, weakest first (the default: the pairs to look at) or strongest first. */
export const RUN_PAIR_SORTS = ["score_asc", "score_desc"] as const;
export const RunPairSort = z.enum(RUN_PAIR_SORTS);
export type RunPairSort = z.infer<typeof RunPairSort>;
export const RunQuery = z.object({
  q: searchText().trim().max(100).optional(),
  sort: RunPairSort.default("score_asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const RunDetail = z.object({
  summary: RunSummary,
  pairs: z.array(RunPair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unmatched: z.array(RunUnmatched),
  /** People of this page and of the unmatched who were enrolled by a manager and have not answered yet (they are matched all the same). */
  notAnswered: z.array(z.uuid()),
});
export type RunDetail = z.infer<typeof RunDetail>;
export const RunParams = z.object({ id: z.uuid(), runId: z.uuid() });

export const Constraint = z.object({ mentor: PersonRef, mentee: PersonRef, kind: ConstraintKind, createdAt: z.iso.datetime() });
export const ConstraintList = z.object({ items: z.array(Constraint) });
export const ConstraintBody = z.object({ mentorId: z.uuid(), menteeId: z.uuid(), kind: ConstraintKind });
export const ConstraintParams = z.object({ id: z.uuid(), mentorId: z.uuid(), menteeId: z.uuid() });
/**
 * Swap the mentors of two mentees of a run: both new pairs are locked and the engine runs again. A swap
 * that puts a new pair under the programme's minimum score is refused (SWAP_BELOW_MIN_SCORE, one detail
 * per such pair: "menteeA" for menteeA's new pair, "menteeB" for menteeB's) unless `confirmBelowMinimum`.
 */
export const SwapBody = z.object({ menteeA: z.uuid(), menteeB: z.uuid(), confirmBelowMinimum: z.boolean().optional() });
export const PublishResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  /**
   * The bulk invitation that emails the enrolled people without an account (and, again, those whose invitation
   * expired before they activated theirs), and how many it invites; absent when nobody needs one.
   */
  invitation: z.object({ batchId: z.uuid(), invited: z.number().int() }).optional(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/**
 * What someone enrolled receives when a run is published: an email to create their account ("invitation");
 * a new one when their account was never activated and its invitation expired ("new_invitation"); nothing new
 * when their invitation's link still works ("open_invitation": the notifications wait in the account it
 * opens); or, with an active account, a notification.
 */
export const PUBLISH_NOTICES = ["invitation", "new_invitation", "open_invitation", "notification"] as const;
export const PublishNotice = z.enum(PUBLISH_NOTICES);
export type PublishNotice = z.infer<typeof PublishNotice>;

/** Before publishing: the people enrolled (not declined) who have no account or have not answered their enrolment. */
export const PublishPreview = z.object({
  /** How many of them have no account (publishing invites them by email). */
  withoutAccount: z.number().int(),
  /** How many have an account never activated whose invitation expired (publishing invites them again by email). */
  invitationExpired: z.number().int(),
  /** How many have an account never activated whose invitation link still works (nothing new is sent). */
  invitationOpen: z.number().int(),
  /** How many have an active account but have not answered their enrolment (they receive a notification). */
  notAnswered: z.number().int(),
  /** The first of them (at most 100), by role and name. */
  people: z.array(
    z.object({
      person: PersonRef,
      role: ParticipantRole,
      hasAccount: z.boolean(),
      hasAnswered: z.boolean(),
      receives: PublishNotice,
    }),
  ),
  total: z.number().int(),
});
export type PublishPreview = z.infer<typeof PublishPreview>;
