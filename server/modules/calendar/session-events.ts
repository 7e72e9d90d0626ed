/**
 * A person's sessions as calendar events, in their language and time zone: the .ics of one session,
 * the invitation an email carries (REQUEST when scheduled or moved, CANCEL when cancelled), and the
 * subscription feed. The description points to the session's page; the agenda and notes stay in the app.
 */
import type { Locale } from "../../../contracts/accounts.ts";
import type { Tx } from "../../db/client.ts";
import * as repo from "./calendar.repository.ts";
import { type CalendarEvent, type CalendarOrganizer, sessionsCalendar } from "./session-calendar.ts";

const WORDS: Record<Locale, { summary: string; description: string; calendar: string }> = {
  fr: {
    summary: "Mentorat inversé avec {partner}",
    description: "Séance du programme « {programme} ». Ordre du jour, objectifs et notes : {url}",
    calendar: "Passerelle — mes séances de mentorat inversé",
  },
  en: {
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
  const { events, reader, words } = await eventsFor(db, personId, { sessionIds: [sessionId] }, options);
  if (!events.length) return undefined;
  return sessionsCalendar(events, {
    name: words.calendar,
    timeZone: reader.timeZone,
    organizer: options.organizer,
    method: options.method,
  });
}

/** Every session of `personId`'s pairs, past and future, cancelled ones marked so: their subscription feed. */
export async function personCalendarFeed(db: Tx, personId: string, options: CalendarOptions): Promise<string> {
  const { events, reader, words } = await eventsFor(db, personId, { all: true }, options);
  return sessionsCalendar(events, { name: words.calendar, timeZone: reader.timeZone, organizer: options.organizer });
}

/** The calendar options of the app: links to PASSERELLE_PUBLIC_URL, invitations from PASSERELLE_MAIL_FROM. */
export function calendarOptions(mail: { from: string; publicUrl: string }): CalendarOptions {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mail.from);
  const organizer = match
    ? { name: match[1]?.trim() || "Passerelle", email: match[2] ?? "" }
    : { name: "Passerelle", email: mail.from.trim() };
  return { publicUrl: mail.publicUrl, organizer };
}
