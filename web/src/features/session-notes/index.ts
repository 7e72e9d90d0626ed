export { ResourcesSection } from "./resources-section.tsx";
export { SessionNotesPanel } from "./session-notes-panel.tsx";
