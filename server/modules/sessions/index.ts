/**
 * The sessions context as other contexts, the job handlers and the demo seed may use it: a pair's
 * sessions and agenda, notes and journal, action items, resources, and the session reminders.
 */

// Sessions and their agenda: the use cases the demo seed and the benchmark call.
export { addAgendaItem, changeAgendaItem, removeAgendaItem } from "./agenda-items.ts";
export { cancelSession } from "./cancel-session.ts";
// A pair that closed: its sessions to come are cancelled (the "pair-sessions-close" job).
export { cancelSessionsOfClosedPair } from "./cancel-sessions-of-closed-pair.ts";
// A programme's new agenda deadline, followed by its sessions to come (the programmes context calls it).
export { followAgendaDeadline } from "./follow-agenda-deadline.ts";
export { getSession } from "./get-session.ts";
export { listPairSessions } from "./list-pair-sessions.ts";
// Notes, journal, action items, resources (./notes): the use cases the demo seed calls.
export { addActionItem } from "./notes/action-items.ts";
export { addResource } from "./notes/pair-resources.ts";
export { saveSessionNotes } from "./notes/session-notes.ts";
export { proposeSessions } from "./propose-sessions.ts";
export { recordOutcome } from "./record-outcome.ts";
// Reminders (./reminders): the hourly sweep and the managers' weekly digest, run as jobs.
export { type ReminderCounts, sendSessionReminders } from "./reminders/send-session-reminders.ts";
export { sendWeeklySessionDigests } from "./reminders/send-weekly-session-digests.ts";
export { rescheduleSession } from "./reschedule-session.ts";
export { scheduleSession } from "./schedule-session.ts";
export type { SessionsDeps } from "./sessions-deps.ts";
