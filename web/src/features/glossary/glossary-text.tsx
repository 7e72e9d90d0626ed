import { Text } from "@mantine/core";

/** A text with the glossary's terms linked to their definition (TO BE BUILT: glossary helper). */
export function GlossaryText({ text }: { text: string }) {
  return <Text style={{ whiteSpace: "pre-wrap" }}>{text}</Text>;
}
