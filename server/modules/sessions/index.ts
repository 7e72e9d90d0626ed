/**
 * The sessions context as other contexts, the job handlers and the demo seed may use it: a pair's
 * sessions and agenda, notes and journal, action items, resources, and the session reminders.
 */
