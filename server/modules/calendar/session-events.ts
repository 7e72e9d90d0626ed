/**
 * A person's sessions as calendar events, in their language and time zone: the .ics of one session,
 * the invitation an email carries (REQUEST when scheduled or moved, CANCEL when cancelled), and the
 * subscription feed. The description points to the session's page; the agenda and notes stay in the app.
 */
import { DateTime } from "luxon";
import type { Locale } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import * as repo from "./calendar.repository.ts";
import { type CalendarEvent, type CalendarOrganizer, sessionsCalendar } from "./session-calendar.ts";

const WORDS: Record<Locale, { summary: string; description: string; calendar: string; fileName: string }> = {
  fr: {
    fileName: "seance",
    summary: "Mentorat inversé avec {partner}",
    description: "Séance du programme « {programme} ». Ordre du jour, objectifs et notes : {url}",
    calendar: "Passerelle — mes séances de mentorat inversé",
  },
  en: {
    fileName: "session",
    summary: "Reverse mentoring with {partner}",
    description: "Session of the programme “{programme}”. Agenda, goals and notes: {url}",
    calendar: "Passerelle — my reverse-mentoring sessions",
  },
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

export type CalendarOptions = { publicUrl: string; organizer: CalendarOrganizer };

/** The events of these sessions (or of every session of the person's pairs) as `personId` reads them. */
async function eventsFor(db: Tx, personId: string, filter: { sessionIds: readonly string[] } | { all: true }, options: CalendarOptions) {
  const reader = (await repo.readerOf(db, personId)) ?? { locale: "fr" as const, timeZone: "Europe/Paris" };
  const words = WORDS[reader.locale];
  const sessions = await repo.sessionsForCalendar(db, "all" in filter ? { personId } : filter);
  const events: CalendarEvent[] = sessions
    .filter((s) => s.mentor.id === personId || s.mentee.id === personId)
    .map((s) => {
      const partner = s.mentor.id === personId ? s.mentee : s.mentor;
      const url = `${options.publicUrl.replace(/\/$/, "")}/pairs/${s.pairId}/sessions/${s.id}`;
      return {
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        status: s.status,
        sequence: s.sequence,
        updatedAt: s.updatedAt,
        summary: fill(words.summary, { partner: partner.name }),
        description: fill(words.description, { programme: s.programmeName, url }),
        location: s.location,
        url,
        attendees: [s.mentor, s.mentee].map(({ name, email }) => ({ name, email })),
      };
    });
  return { events, reader, words };
}

/** One session's calendar file for `personId` (one of its pair), or undefined when it is not theirs. */
export async function sessionCalendarFile(
  db: Tx,
  sessionId: string,
  personId: string,
  options: CalendarOptions & { method?: "REQUEST" | "CANCEL" },
): Promise<string | undefined> {
  return (await sessionCalendarDownload(db, sessionId, personId, options))?.content;
}

/**
 * One session's calendar file for `personId` with the name to save it under, dated in their time zone
 * and words: "seance-2026-03-30.ics", "session-2026-03-30.ics". Undefined when the session is not theirs.
 */
export async function sessionCalendarDownload(
  db: Tx,
  sessionId: string,
  personId: string,
  options: CalendarOptions & { method?: "REQUEST" | "CANCEL" },
): Promise<{ fileName: string; content: string } | undefined> {
  const { events, reader, words } = await eventsFor(db, personId, { sessionIds: [sessionId] }, options);
  const [event] = events;
  if (!event) return undefined;
  const content = sessionsCalendar(events, {
    name: words.calendar,
    timeZone: reader.timeZone,
    organizer: options.organizer,
    method: options.method,
  });
  return { fileName: sessionFileName(event.startsAt, reader), content };
}

/** "seance-2026-03-30.ics" (the day in the reader's time zone; Paris when theirs is unknown). */
function sessionFileName(startsAt: Date, reader: { locale: Locale; timeZone: string }): string {
  const zoned = DateTime.fromJSDate(startsAt).setZone(reader.timeZone);
  const day = (zoned.isValid ? zoned : DateTime.fromJSDate(startsAt).setZone("Europe/Paris")).toISODate();
  return `${WORDS[reader.locale].fileName}-${day}.ics`;
}

/** How often subscribed calendars should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL); most decide for themselves. */
const FEED_REFRESH_SECONDS = 3600;

/** Every session of `personId`'s pairs, past and future, cancelled ones marked so: their subscription feed. */
export async function personCalendarFeed(db: Tx, personId: string, options: CalendarOptions): Promise<string> {
  const { events, reader, words } = await eventsFor(db, personId, { all: true }, options);
  return sessionsCalendar(events, {
    name: words.calendar,
    timeZone: reader.timeZone,
    organizer: options.organizer,
    refreshSeconds: FEED_REFRESH_SECONDS,
  });
}

/** The feed of an account: its person's sessions, or an empty calendar for an account with no directory entry. */
export async function accountCalendarFeed(
  db: Tx,
  account: { personId: string | null; locale: Locale },
  options: CalendarOptions,
): Promise<string> {
  if (account.personId) return personCalendarFeed(db, account.personId, options);
  return sessionsCalendar([], {
    name: WORDS[account.locale].calendar,
    timeZone: "Europe/Paris",
    organizer: options.organizer,
    refreshSeconds: FEED_REFRESH_SECONDS,
  });
}

/** The calendar options of the app: links to PASSERELLE_PUBLIC_URL, invitations from PASSERELLE_MAIL_FROM. */
export function calendarOptions(mail: { from: string; publicUrl: string }): CalendarOptions {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mail.from);
  const organizer = match
    ? { name: match[1]?.trim() || "Passerelle", email: match[2] ?? "" }
    : { name: "Passerelle", email: mail.from.trim() };
  return { publicUrl: mail.publicUrl, organizer };
}
