import { Typography } from "@mantine/core";
import Markdown from "react-markdown";

/**
 * Markdown of our catalogue or of a programme's charter, rendered as React elements: raw HTML in
 * the text is shown as text, never injected, and unsafe link protocols are dropped.
 */
export function MarkdownText({ children }: { children: string }) {
  return (
    <Typography>
      <Markdown>{children}</Markdown>
    </Typography>
  );
}
