import { z } from "zod";
import { PersonRef } from "./programmes.ts";
import { text } from "./text.ts";

/**
 * What a pair writes around its sessions (server/modules/sessions/notes): each person's notes and
 * learning journal after a session, the action items either of them takes on, and the pair's
 * resources (titled links). Notes are their author's unless shared with the partner; the journal is
 * never shared; managers only ever get counts (`notesActivityOfPairs`), never a word of it.
 */

export const NOTES_MAX_LENGTH = 10_000;
export const JOURNAL_MAX_LENGTH = 10_000;
export const ACTION_ITEM_TEXT_MAX_LENGTH = 500;
export const RESOURCE_TITLE_MAX_LENGTH = 200;
export const RESOURCE_URL_MAX_LENGTH = 2_000;

/** A web address people may open from the pair's page: http or https only (no javascript:, data:, file:). */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A session of the pair in the URL (`/api/sessions/:id/…`). */
export const NotesSessionParams = z.object({ id: z.uuid() });
/** An action item in the URL. */
export const ActionItemParams = z.object({ id: z.uuid() });
/** A resource in the URL. */
export const ResourceParams = z.object({ id: z.uuid() });

/** My own notes and journal entry for a session. */
export const MyNotes = z.object({
  notes: z.string(),
  journal: z.string(),
  /** Whether my partner may read my notes (never my journal). */
  isShared: z.boolean(),
  updatedAt: z.iso.datetime(),
});
/** The notes my partner shared with me (their journal never travels). */
export const PartnerNotes = z.object({ notes: z.string(), updatedAt: z.iso.datetime() });

export const SessionNotes = z.object({
  sessionId: z.uuid(),
  /** Whether notes may be written now: the session has started or was held, and was not cancelled. */
  canWrite: z.boolean(),
  /** Why not, when it may not: the session is still to come, or was cancelled. */
  whyClosed: z.enum(["not_started", "cancelled"]).nullable(),
  mine: MyNotes.nullable(),
  /** Null unless my partner wrote notes and shared them. */
  partner: PartnerNotes.nullable(),
});
export type SessionNotes = z.infer<typeof SessionNotes>;

export const SessionNotesBody = z.object({
  notes: text().max(NOTES_MAX_LENGTH),
  journal: text().max(JOURNAL_MAX_LENGTH),
  isShared: z.boolean(),
});
export type SessionNotesBody = z.infer<typeof SessionNotesBody>;

/** One entry of my learning journal: what I wrote after one session. */
export const JournalEntry = z.object({
  sessionId: z.uuid(),
  /** When the session started (ISO 8601, UTC). */
  sessionStartsAt: z.iso.datetime(),
  journal: z.string(),
  updatedAt: z.iso.datetime(),
});
export const Journal = z.object({ items: z.array(JournalEntry) });
export type Journal = z.infer<typeof Journal>;

/* ---------------------------------------------------------------- action items */

const DueOn = z.iso.date();

export const ActionItem = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  sessionStartsAt: z.iso.datetime(),
  text: z.string(),
  owner: PersonRef,
  /** The day it is due by (ISO date), if any. */
  dueOn: z.iso.date().nullable(),
  doneAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ActionItem = z.infer<typeof ActionItem>;
export const ActionItemList = z.object({ items: z.array(ActionItem) });
export type ActionItemList = z.infer<typeof ActionItemList>;

export const ActionItemQuery = z.object({
  /** "true": only the items not done yet. */
  open: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const ActionItemBody = z.object({
  text: text().trim().min(1, { error: "fields.required" }).max(ACTION_ITEM_TEXT_MAX_LENGTH),
  /** One of the pair: me or my partner. */
  ownerPersonId: z.uuid(),
  dueOn: DueOn.nullable().optional(),
});
export type ActionItemBody = z.infer<typeof ActionItemBody>;

export const ActionItemChangeBody = z.object({
  text: text().trim().min(1, { error: "fields.required" }).max(ACTION_ITEM_TEXT_MAX_LENGTH).optional(),
  ownerPersonId: z.uuid().optional(),
  /** null clears the due date. */
  dueOn: DueOn.nullable().optional(),
  isDone: z.boolean().optional(),
});
export type ActionItemChangeBody = z.infer<typeof ActionItemChangeBody>;

/* ---------------------------------------------------------------- resources */

export const Resource = z.object({
  id: z.uuid(),
  title: z.string(),
  url: z.string(),
  /** Who added it (null once that person was erased). */
  addedBy: PersonRef.nullable(),
  createdAt: z.iso.datetime(),
});
export type Resource = z.infer<typeof Resource>;
export const ResourceList = z.object({ items: z.array(Resource) });
export type ResourceList = z.infer<typeof ResourceList>;

export const ResourceBody = z.object({
  title: text().trim().min(1, { error: "fields.required" }).max(RESOURCE_TITLE_MAX_LENGTH),
  url: text()
    .trim()
    .min(1, { error: "fields.required" })
    .max(RESOURCE_URL_MAX_LENGTH)
    .refine((value) => value === "" || isWebUrl(value), { error: "fields.webUrl" }),
});
export type ResourceBody = z.infer<typeof ResourceBody>;
