import { z } from "zod";

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
