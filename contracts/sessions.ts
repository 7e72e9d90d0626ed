import { z } from "zod";
import { Format } from "./session-formats.ts";
import { text } from "./text.ts";

/**
 * The pair's sessions, their agenda, notes, action items and resources (server/modules/sessions).
 * Times travel as instants (ISO 8601 in UTC) and are shown in the reader's time zone.
 */
export const SESSION_STATUSES = ["scheduled", "held", "missed", "cancelled"] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;
/** Where a session takes place: online (a link) or in person (a place). */
export const SESSION_MODES = ["online", "in_person"] as const;
export const SessionMode = z.enum(SESSION_MODES);
export type SessionMode = z.infer<typeof SessionMode>;
/** What an agenda item is: a topic to discuss, a question to ask, something to practise together. */
export const AGENDA_ITEM_KINDS = ["topic", "question", "practice"] as const;
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;
/** How long before a session its agenda is due, unless the programme says otherwise. */
export const DEFAULT_AGENDA_DEADLINE_HOURS = 48;

/** The longest video link or place of a session. */
export const SESSION_LOCATION_MAX_LENGTH = 500;
/** The longest text of an agenda item and of a cancellation reason. */
export const AGENDA_ITEM_TEXT_MAX_LENGTH = 1000;
export const CANCEL_REASON_MAX_LENGTH = 1000;
/**
 * The reason of a session cancelled because its pair closed (ended early, completed, not a fit, programme
 * closed): written by the app, not by a person, in both languages since both people read the one text. The
 * web app may show its own words for it.
 */
export const PAIR_CLOSED_CANCEL_REASON = "Binôme clos · Pair closed";
/** How long a session may last, in minutes (the programme's length is the default). */
export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 240;
/** How many times the app proposes for the next session. */
export const SESSION_PROPOSALS_COUNT = 3;
/** The statuses a session may be marked with once it has started. */
export const SESSION_OUTCOMES = ["held", "missed"] as const;
export const SessionOutcome = z.enum(SESSION_OUTCOMES);
export type SessionOutcome = z.infer<typeof SessionOutcome>;

/** A session in the URL (`/api/sessions/:id`). */
export const SessionParams = z.object({ id: z.uuid() });
/** An agenda item in the URL. */
export const AgendaItemParams = z.object({ id: z.uuid() });

/**
 * A session in the pair's list (`GET /api/pairs/:id/sessions`, a fixed interface other tools rely on):
 * `id`, `startsAt`, `endsAt` (ISO 8601 in UTC) and `status` for everyone who may see the pair; the rest
 * only for the pair's two people (a programme manager sees dates and statuses, never a place or an agenda).
 */
export const PairSession = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: SessionStatus,
  mode: SessionMode.optional(),
  /** The video link (online) or the place (in person). */
  location: z.string().optional(),
  /** The calendar file's SEQUENCE: raised on every change of time, place or status. */
  sequence: z.number().int().optional(),
  cancelReason: z.string().nullable().optional(),
  /** When the agenda is due: the start minus the programme's deadline. */
  agendaDueAt: z.iso.datetime().optional(),
  agendaCount: z.number().int().optional(),
  /** 1 for the pair's first session, 2 for the second… among sessions not cancelled; null when cancelled. */
  number: z.number().int().nullable().optional(),
});
export type PairSession = z.infer<typeof PairSession>;
export const PairSessionList = z.object({
  items: z.array(PairSession),
  /** For the pair's two people: their time zone (the directory's, Europe/Paris by default), in which times are shown. */
  myTimeZone: z.string().optional(),
});
export type PairSessionList = z.infer<typeof PairSessionList>;

/** One line of a session's agenda. */
export const AgendaItem = z.object({
  id: z.uuid(),
  kind: AgendaItemKind,
  text: z.string(),
  /** The pair's goal it works on, if any. */
  goalId: z.uuid().nullable(),
  /** The open action item it carries over, if any. */
  fromActionItemId: z.uuid().nullable(),
  /** Who wrote it: the mentor or the mentee (null once that person was erased). */
  author: z.enum(["mentor", "mentee"]).nullable(),
  /** Whether the reader may change or remove it now. */
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** An open action item of the pair, offered as a starting point for the agenda. */
export const AgendaSuggestion = z.object({
  actionItemId: z.uuid(),
  text: z.string(),
  /** Whose action it is. */
  owner: z.enum(["mentor", "mentee"]),
  dueOn: z.iso.date().nullable(),
});
export type AgendaSuggestion = z.infer<typeof AgendaSuggestion>;

/** A session as one of its two people reads it (`GET /api/sessions/:id`). */
export const SessionDetail = z.object({
  id: z.uuid(),
  pairId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: SessionStatus,
  mode: SessionMode,
  location: z.string(),
  sequence: z.number().int(),
  cancelReason: z.string().nullable(),
  agendaDueAt: z.iso.datetime(),
  agendaCount: z.number().int(),
  number: z.number().int().nullable(),
  /** The reader's part in the pair. */
  myRole: z.enum(["mentor", "mentee"]),
  /** The reader's time zone (the directory's, Europe/Paris by default): times are shown in it. */
  myTimeZone: z.string(),
  /** The programme's session format: online only, in person only, or both. */
  format: Format,
  /** The session has started (the server's clock): it may be marked held or missed, notes may be written. */
  hasStarted: z.boolean(),
  /** Items may be added now: the session is still scheduled. */
  canEditAgenda: z.boolean(),
  agenda: z.array(AgendaItem),
  /** The pair's open action items not yet on this agenda. */
  suggestions: z.array(AgendaSuggestion),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

const Location = text().trim().min(1, { error: "fields.required" }).max(SESSION_LOCATION_MAX_LENGTH);
const Minutes = z.number().int().min(SESSION_MIN_MINUTES).max(SESSION_MAX_MINUTES);

/**
 * Schedules a session: the start with its UTC offset ("2026-03-30T18:30:00+02:00"), its length (the
 * programme's by default), online with a video link (http or https) or in person with a place.
 */
export const ScheduleSessionBody = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  minutes: Minutes.optional(),
  mode: SessionMode,
  location: Location,
});
export type ScheduleSessionBody = z.infer<typeof ScheduleSessionBody>;

/** Moves a session or changes where it happens: only what is given changes. */
export const RescheduleSessionBody = z.object({
  startsAt: z.iso.datetime({ offset: true }).optional(),
  minutes: Minutes.optional(),
  mode: SessionMode.optional(),
  location: Location.optional(),
});
export type RescheduleSessionBody = z.infer<typeof RescheduleSessionBody>;

export const CancelSessionBody = z.object({
  reason: text().trim().min(1, { error: "fields.required" }).max(CANCEL_REASON_MAX_LENGTH),
});
export type CancelSessionBody = z.infer<typeof CancelSessionBody>;

export const SessionOutcomeBody = z.object({ status: SessionOutcome });
export type SessionOutcomeBody = z.infer<typeof SessionOutcomeBody>;

const AgendaText = text().trim().min(1, { error: "fields.required" }).max(AGENDA_ITEM_TEXT_MAX_LENGTH);

export const AgendaItemBody = z.object({
  kind: AgendaItemKind,
  text: AgendaText,
  /** A goal of the pair. */
  goalId: z.uuid().nullable().optional(),
  /** An open action item of the pair this item carries over. */
  fromActionItemId: z.uuid().nullable().optional(),
});
export type AgendaItemBody = z.infer<typeof AgendaItemBody>;

export const AgendaItemChangeBody = z.object({
  kind: AgendaItemKind.optional(),
  text: AgendaText.optional(),
  /** null unlinks the goal. */
  goalId: z.uuid().nullable().optional(),
});
export type AgendaItemChangeBody = z.infer<typeof AgendaItemChangeBody>;

/** What the proposed times rest on: times both people gave, times either gave, or the app's default. */
export const PROPOSAL_BASES = ["both", "either", "default"] as const;
export const ProposalBasis = z.enum(PROPOSAL_BASES);

/** Times proposed for the pair's next session, on the programme's cadence. */
export const SessionProposals = z.object({
  items: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
  basis: ProposalBasis,
  /** The reader's time zone, in which the times were chosen. */
  timeZone: z.string(),
  /** The programme's session format (which modes a session may take) and length in minutes. */
  format: Format,
  minutes: z.number().int(),
});
export type SessionProposals = z.infer<typeof SessionProposals>;
