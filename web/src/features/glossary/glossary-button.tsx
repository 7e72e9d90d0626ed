/** Opens the glossary at hand, in a drawer with its search (TO BE BUILT: glossary helper). */
export function GlossaryButton() {
  return null;
}
