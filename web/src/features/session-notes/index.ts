/**
 * What a pair writes around its sessions, as the session page and the pair's workspace embed it: my notes
 * and journal for a session with its action items, the pair's resources and open action items, my
 * learning journal.
 */
export { LearningJournal } from "./learning-journal.tsx";
export { sessionNotesKeys } from "./queries.ts";
export { ResourcesSection } from "./resources-section.tsx";
export { SessionNotesPanel } from "./session-notes-panel.tsx";
