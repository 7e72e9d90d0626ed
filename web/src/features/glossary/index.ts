export { GlossaryButton } from "./glossary-button.tsx";
export { GlossaryText } from "./glossary-text.tsx";
