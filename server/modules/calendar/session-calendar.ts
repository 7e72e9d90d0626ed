/**
 * A session as a calendar event (RFC 5545), for the .ics of one session, the invitation an email
 * carries, and a person's subscription feed. Times are written in the reader's time zone with its
 * VTIMEZONE embedded (@touch4it/ical-timezones), from luxon zoned times: a plain Date under a TZID
 * would be written in the server's own zone. The session's id is the event's stable UID; its
 * sequence is raised on every change the calendars must follow; a cancelled session is CANCELLED.
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { SessionStatus } from "../../../contracts/sessions.ts";

export type CalendarEvent = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  sequence: number;
  /**
   * When the session was last changed: the event's DTSTAMP (RFC 5545: when this version of the object was
   * written), new with every SEQUENCE, the same in every file of one version (files stay reproducible).
   */
  updatedAt: Date;
  /** The reader's words: "Séance de mentorat inversé avec Léa Martin". */
  summary: string;
  description: string;
  /** The video link or the place. */
  location: string;
  /** The session's page in Passerelle. */
  url: string;
  attendees: { name: string; email: string }[];
};

/**
 * The VTIMEZONE of an IANA zone. @touch4it/ical-timezones lists canonical zones only: an alias that the
 * directory may hold ("America/Montreal", "US/Eastern") gets the rules of the zone it links to (Intl
 * knows which), under its own name. Null when neither is known.
 */
function vtimezoneOf(zone: string): string | null {
  const own = getVtimezoneComponent(zone);
  if (own) return own;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const linked = canonical === zone ? null : getVtimezoneComponent(canonical);
  return linked ? linked.split(canonical).join(zone) : null;
}

/** Who sends the invitations (the app's From address). */
export type CalendarOrganizer = { name: string; email: string };

/** The UID of a session's event: the same in every file, email and feed, for ever. */
export const sessionUid = (sessionId: string) => `session-${sessionId}@passerelle`;

/**
 * A calendar of sessions in `timeZone` (IANA, "Europe/Paris"). `method` REQUEST or CANCEL makes it an
 * email invitation (iTIP); without it, a file to open or a feed to subscribe to.
 */
export function sessionsCalendar(
  events: readonly CalendarEvent[],
  options: {
    name: string;
    timeZone: string;
    organizer: CalendarOrganizer;
    method?: "REQUEST" | "CANCEL";
    /** A subscription feed: how often calendars should fetch it again. */
    refreshSeconds?: number;
  },
): string {
  const zone = DateTime.local().setZone(options.timeZone).isValid && vtimezoneOf(options.timeZone) ? options.timeZone : "Europe/Paris";
  const calendar = ical({ name: options.name, prodId: { company: "Passerelle", product: "Passerelle", language: "FR" } });
  if (options.refreshSeconds) calendar.ttl(options.refreshSeconds);
  // The VTIMEZONE is written for the events' TZID. The calendar itself names no zone: ical-generator would then
  // write DTSTAMP in it as a floating time, where RFC 5545 wants UTC (every time here carries its TZID anyway).
  calendar.timezone({ name: null, generator: vtimezoneOf });
  if (options.method) calendar.method(options.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  for (const event of events) {
    const isCancelled = event.status === "cancelled" || options.method === "CANCEL";
    calendar.createEvent({
      id: sessionUid(event.id),
      sequence: event.sequence,
      start: DateTime.fromJSDate(event.startsAt).setZone(zone),
      end: DateTime.fromJSDate(event.endsAt).setZone(zone),
      timezone: zone,
      stamp: DateTime.fromJSDate(event.updatedAt).setZone("UTC"),
      summary: event.summary,
      description: event.description,
      location: event.location || null,
      url: event.url,
      status: isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
      attendees: event.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: false })),
    });
  }
  return calendar.toString();
}
