/**
 * The calendar context: sessions as calendar events (.ics files, email invitations, subscription
 * feeds). The times proposed for a pair to meet are in server/platform/time (the intro coffee of
 * pairs/ and the sessions of sessions/ both need them, and this context reads pairs/).
 */
export { isCalendarFeedPath } from "./calendar-feed.domain.ts";
export { type CalendarEvent, type CalendarOrganizer, sessionsCalendar, sessionUid } from "./session-calendar.ts";
export {
  type CalendarOptions,
  calendarOptions,
  personCalendarFeed,
  sessionCalendarDownload,
  sessionCalendarFile,
} from "./session-events.ts";
