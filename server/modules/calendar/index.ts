/** The calendar context: a session as a calendar event (.ics), and each person's subscription feed. */
export { type CalendarEvent, type CalendarOrganizer, sessionsCalendar, sessionUid } from "./session-calendar.ts";
