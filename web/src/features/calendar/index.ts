/** Calendars as other features use them: my subscription feed's card (My account), a session's .ics. */
export { CalendarFeedCard } from "./calendar-feed-card.tsx";
export { sessionCalendarPath } from "./queries.ts";
export { SessionCalendarButton } from "./session-calendar-button.tsx";
