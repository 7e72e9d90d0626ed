/**
 * The calendar context: sessions as calendar events (.ics files, email invitations, subscription
 * feeds) and the times proposed for a pair to meet (availability, French public holidays).
 */
export { type CalendarEvent, type CalendarOrganizer, sessionsCalendar, sessionUid } from "./session-calendar.ts";
export { type CalendarOptions, calendarOptions, personCalendarFeed, sessionCalendarFile } from "./session-events.ts";
export {
  type AvailabilityBasis,
  commonAvailability,
  DEFAULT_AVAILABILITY,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  proposeSlots,
  SLOT_START,
  type SlotSearch,
} from "./slot-finder.ts";
