import { z } from "zod";
import { GOAL_STATUSES, type GoalStatus } from "./goals.ts";
import { Format } from "./profiles.ts";
import { PairState, ParticipantRole, PersonRef, ProgrammePhase, Reason } from "./programmes.ts";
import { SessionMode } from "./sessions.ts";
import { searchText, text } from "./text.ts";

export { OPEN_PAIR_STATES, OpenPairState, PAIR_STATES, PairState } from "./programmes.ts";

/** Why a person ended their pair early (pairs.end_reason; the managers see it). */
export const END_REASONS = ["no_time", "not_a_fit", "left_company", "other"] as const;
export const EndReason = z.enum(END_REASONS);
export type EndReason = z.infer<typeof EndReason>;
/**
 * Where a pair comes from: a published matching run, a mentee's proposal the mentor accepted, or a
 * programme manager who paired two people by hand (a rematch after a pair closed).
 */
export const PAIR_ORIGINS = ["matching", "proposal", "manual"] as const;
export const PairOrigin = z.enum(PAIR_ORIGINS);
export type PairOrigin = z.infer<typeof PairOrigin>;
/** What caused a pair's transition (pair_events.cause): the pair state machine's table, programmes.domain.ts. */
export const PAIR_CAUSES = [
  ...PAIR_ORIGINS,
  "intro_confirmed",
  "intro_not_a_fit",
  "ended_early",
  "completed_by_both",
  "completed_by_manager",
  "programme_closed",
] as const;
export const PairCause = z.enum(PAIR_CAUSES);
export type PairCause = z.infer<typeof PairCause>;

/**
 * How well two profiles fit, as a pair's people and a mentee browsing mentors read it: a kind word
 * ("Très complémentaires", "Complémentaires", "Quelques points communs"), never the engine's figure,
 * which would read like a grade of the person (docs/terminology.md). Managers see the figure. The
 * only place where the levels and their thresholds live; highest first.
 */
export const FIT_LEVELS = ["strong", "good", "some"] as const;
export const FitLevel = z.enum(FIT_LEVELS);
export type FitLevel = z.infer<typeof FitLevel>;
/** The lowest score of each fit level. */
export const FIT_THRESHOLDS: Record<FitLevel, number> = { strong: 0.6, good: 0.4, some: 0 };

/** The fit level of a score in [0, 1]. */
export function fitOf(score: number): FitLevel {
  return FIT_LEVELS.find((level) => score >= FIT_THRESHOLDS[level]) ?? "some";
}

/**
 * A reason of a match as a pair's people and a mentee browsing mentors read it: the sentence addressed to
 * them, without its share of the score (`contribution`), which with the programme's weights would give the
 * score back. Sent most important first, so the reader needs no figure to order them. Managers keep `Reason`.
 */
export const ParticipantReason = Reason.omit({ contribution: true });
export type ParticipantReason = z.infer<typeof ParticipantReason>;

/** Open self-service proposals a mentee may have at once in a programme. */
export const MAX_OPEN_PROPOSALS = 3;

export const PairEvent = z.object({
  fromState: PairState.nullable(),
  toState: PairState,
  /** One of PAIR_CAUSES (FR/EN labels in the UI); a plain string so that events stored under an older list still serialise. */
  cause: z.string(),
  /** One of END_REASONS when a person ended the pair early. */
  reason: z.string().nullable(),
  /** The words left when a person ended the pair: shown to the managers only (null for the pair's people). */
  note: z.string().nullable(),
  at: z.iso.datetime(),
});

const OnboardingOfPerson = z.object({ isComplete: z.boolean(), modulesDone: z.number().int(), modulesTotal: z.number().int() });

/** My partner's work details, as the HR directory has them: only ever sent to the pair's two people. */
export const PartnerContact = z.object({
  email: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  site: z.string().nullable(),
});
export type PartnerContact = z.infer<typeof PartnerContact>;

/** A pair as one of its two people sees it: never the partner's "not a fit" reason. */
export const Pair = z.object({
  id: z.uuid(),
  /** The programme's dates bound the intro coffee (Europe/Paris calendar days). */
  programme: z.object({
    id: z.uuid(),
    name: z.string(),
    requiresOnboarding: z.boolean(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  }),
  state: PairState,
  origin: PairOrigin,
  myRole: ParticipantRole,
  mentor: PersonRef,
  mentee: PersonRef,
  /** How to reach my partner: their work email and where they work, from the HR directory. */
  partner: PartnerContact,
  /** How well the two fit, as a word (the score stays with the managers); null for a pair opened without one. */
  fit: FitLevel.nullable(),
  /** Most important first; no figures (ParticipantReason). */
  reasons: z.array(ParticipantReason),
  intro: z.object({ at: z.iso.datetime().nullable(), place: z.string().nullable() }),
  /** My answer after the intro, and whether my partner has answered (not what). */
  myIntroAnswer: z.object({ isFit: z.boolean(), reason: z.string().nullable() }).nullable(),
  partnerHasAnswered: z.boolean(),
  /** Sessions may start: the pair is active and, when the programme requires it, both finished onboarding. */
  canStartSessions: z.boolean(),
  onboarding: z.object({ mentor: OnboardingOfPerson, mentee: OnboardingOfPerson }),
  /** I asked to complete the pair and wait for my partner. */
  iAgreedToComplete: z.boolean(),
  partnerAgreedToComplete: z.boolean(),
  history: z.array(PairEvent),
  createdAt: z.iso.datetime(),
});
export type Pair = z.infer<typeof Pair>;
export const PairList = z.object({ items: z.array(Pair) });
export const PairParams = z.object({ id: z.uuid() });

/** A pair as the programme's managers see it: intro answers with their reasons. */
export const ManagedPair = z.object({
  id: z.uuid(),
  state: PairState,
  origin: PairOrigin,
  mentor: PersonRef,
  mentee: PersonRef,
  score: z.number().nullable(),
  introAt: z.iso.datetime().nullable(),
  introAnswers: z.array(
    z.object({ role: ParticipantRole, isFit: z.boolean(), reason: z.string().nullable(), answeredAt: z.iso.datetime() }),
  ),
  endReason: EndReason.nullable(),
  history: z.array(PairEvent),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ManagedPair = z.infer<typeof ManagedPair>;
export const ManagedPairQuery = z.object({
  state: PairState.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ManagedPairPage = z.object({
  counts: z.record(PairState, z.number().int()),
  /** Intro answers so far: how many "we will work well together" and "not a fit". */
  introAnswers: z.object({ fit: z.number().int(), notFit: z.number().int() }),
  /** People whose pair closed as not a fit and who have no open pair. */
  needsRematch: z.array(z.object({ person: PersonRef, role: ParticipantRole })),
  items: z.array(ManagedPair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ManagedPairPage = z.infer<typeof ManagedPairPage>;

/** The longest intro place (a video link or a place); the web form uses it too. */
export const INTRO_PLACE_MAX_LENGTH = 500;
/** The longest free text that goes with an answer: why not a fit, a note when ending, why a proposal is declined. */
export const REASON_MAX_LENGTH = 1000;
/** The longest text of a proposal (goals, offer). */
export const PROPOSAL_TEXT_MAX_LENGTH = 2000;

export const IntroBody = z.object({
  at: z.iso.datetime({ offset: true }),
  /** A video link or a place ("Café du 3e étage"). */
  place: text().trim().min(1, { error: "fields.required" }).max(INTRO_PLACE_MAX_LENGTH),
});
/** How long the app plans an intro coffee for when it proposes times (a half-hour, as the page says). */
export const INTRO_MINUTES = 30;
/** How many times the app proposes for the intro coffee. */
export const INTRO_SLOTS_COUNT = 3;
/** A time proposed for the intro coffee, in person or online (the programme's format, or the people's). */
export const IntroSlot = z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), mode: SessionMode });
export type IntroSlot = z.infer<typeof IntroSlot>;
export const IntroSlots = z.object({
  /** At most INTRO_SLOTS_COUNT, one per working day, from 24 hours ahead to the programme's end. */
  items: z.array(IntroSlot),
  /** What they rest on: times both people gave on their profile, times either gave (none in common), or the app's default. */
  basis: z.enum(["both", "either", "default"]),
  /** The programme's session format. */
  format: Format,
  /** The reader's time zone (the directory's, Europe/Paris by default): the times were chosen on its clock, and are shown in it. */
  timeZone: z.string(),
});
export type IntroSlots = z.infer<typeof IntroSlots>;
export const IntroAnswerBody = z.object({
  isFit: z.boolean(),
  /** Only for "not a fit"; shown to the programme's managers only. */
  reason: text().trim().max(REASON_MAX_LENGTH).nullable().optional(),
});
export const EndPairBody = z.object({ reason: EndReason, note: text().trim().max(REASON_MAX_LENGTH).nullable().optional() });

/* ---------------------------------------------------------------- self-service proposals */

export const MentorSearchQuery = z.object({
  /** Part of the mentor's name (accents and case ignored). */
  q: searchText().trim().max(100).optional(),
  skill: text()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(80)
    .optional(),
  format: Format.optional(),
  language: text()
    .regex(/^[a-z]{2}$/)
    .optional(),
  /** "tue:lunch": only mentors available then. */
  slot: text()
    .regex(/^(mon|tue|wed|thu|fri):(morning|lunch|afternoon|evening)$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export const MentorOption = z.object({
  mentor: PersonRef.extend({ jobTitle: z.string().nullable() }),
  /** How well this mentor fits me, as a word; the list is ranked by the score, which is not sent. */
  fit: FitLevel,
  /** Most important first; no figures (ParticipantReason). */
  reasons: z.array(ParticipantReason),
  teaches: z.array(z.object({ skillId: z.string(), level: z.number().int() })),
  format: Format.nullable(),
  languages: z.array(z.string()),
  availability: z.array(z.string()),
  /** Mentees they can still take in this programme. */
  placesLeft: z.number().int(),
  /** I already have an open proposal to them. */
  hasMyOpenProposal: z.boolean(),
});
export type MentorOption = z.infer<typeof MentorOption>;
export const MentorSearchPage = z.object({
  items: z.array(MentorOption),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** My open proposals in this programme (at most 3). */
  myOpenProposals: z.number().int(),
});

export const PROPOSAL_STATUSES = ["open", "accepted", "declined", "withdrawn", "expired"] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;
export const ProposalBody = z.object({
  mentorId: z.uuid(),
  goals: text().trim().min(1, { error: "fields.required" }).max(PROPOSAL_TEXT_MAX_LENGTH),
  offer: text().trim().min(1, { error: "fields.required" }).max(PROPOSAL_TEXT_MAX_LENGTH),
});
export const Proposal = z.object({
  id: z.uuid(),
  programme: z.object({ id: z.uuid(), name: z.string() }),
  mentor: PersonRef,
  mentee: PersonRef,
  /** Whether I am the mentee who sent it or the mentor who received it. */
  direction: z.enum(["sent", "received"]),
  goals: z.string(),
  offer: z.string(),
  status: ProposalStatus,
  /** The mentor's optional reason for declining (the mentee sees it). */
  declineReason: z.string().nullable(),
  pairId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type Proposal = z.infer<typeof Proposal>;
export const ProposalList = z.object({ items: z.array(Proposal) });
export const ProposalParams = z.object({ id: z.uuid() });
export const DeclineBody = z.object({ reason: text().trim().max(REASON_MAX_LENGTH).nullable().optional() });

/* ---------------------------------------------------------------- a pair as its managers follow it */

/**
 * What the managers see of a pair's work: counts and dates only. The contents (agendas, goal statements,
 * notes, action items, resources) stay the pair's: no text of theirs is ever in here.
 */
export const PairActivity = z.object({
  sessions: z.object({
    /** Scheduled and not yet marked held or missed (upcoming, or past and not marked yet). */
    scheduled: z.number().int(),
    held: z.number().int(),
    missed: z.number().int(),
    cancelled: z.number().int(),
    /** When the last session held started. */
    lastHeldAt: z.iso.datetime().nullable(),
    /** When the next scheduled session starts. */
    nextAt: z.iso.datetime().nullable(),
  }),
  goals: z.object({
    /** Goals of the pair by status (both directions together), every status named. */
    byStatus: z.object(Object.fromEntries(GOAL_STATUSES.map((status) => [status, z.number().int()])) as Record<GoalStatus, z.ZodNumber>),
    /** Achieved goals the partner signed off ("I saw it"). */
    signedOff: z.number().int(),
  }),
  notes: z.object({
    /** Session notes written (by either person, shared or not). */
    notesWritten: z.number().int(),
    actionItemsOpen: z.number().int(),
    actionItemsDone: z.number().int(),
    resources: z.number().int(),
  }),
});
export type PairActivity = z.infer<typeof PairActivity>;

/** One pair of a programme for its managers: the pair as in the list, its programme, and its activity (counts and dates). */
export const ManagedPairDetail = ManagedPair.extend({
  programme: z.object({ id: z.uuid(), name: z.string(), phase: ProgrammePhase }),
  activity: PairActivity,
});
export type ManagedPairDetail = z.infer<typeof ManagedPairDetail>;
export const ManagedPairParams = z.object({ id: z.uuid(), pairId: z.uuid() });

export const RematchOptionsQuery = z.object({
  /** The person of the pair to find a new partner for. */
  person: z.uuid(),
});
/** Someone who may form a new pair with the person to rematch: enrolled (joined), not set aside, free, and allowed by the engine. */
export const RematchOption = z.object({
  person: PersonRef.extend({ jobTitle: z.string().nullable(), site: z.string().nullable() }),
  role: ParticipantRole,
  /** The engine's score of the new pair (managers see figures). */
  score: z.number(),
  /** Mentees this mentor may still take in the programme; null for a mentee. */
  placesLeft: z.number().int().nullable(),
});
export type RematchOption = z.infer<typeof RematchOption>;
export const RematchOptions = z.object({
  person: PersonRef,
  role: ParticipantRole,
  /** The person may take a new pair now: a mentee without an open pair, a mentor with places left; otherwise `blockedBy` says why. */
  isFree: z.boolean(),
  blockedBy: z.enum(["has_open_pair", "mentor_full", "not_available", "matching_not_open"]).nullable(),
  /** Highest score first. */
  items: z.array(RematchOption),
});
export type RematchOptions = z.infer<typeof RematchOptions>;
/** A manager pairs two people of the programme by hand (origin "manual"). */
export const NewPairBody = z.object({ mentorId: z.uuid(), menteeId: z.uuid() });
