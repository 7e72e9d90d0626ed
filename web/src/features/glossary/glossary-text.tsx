import { Anchor, Popover, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GlossaryTerm } from "../../../../contracts/glossary.ts";
import { useApprovedTerms } from "./queries.ts";
import { termTexts } from "./term-card.tsx";
import { termMatcher } from "./term-matcher.ts";

/** A linked term: a dotted underline that opens its definition. */
function TermLink({ text, term }: { text: string; term: GlossaryTerm }) {
  const { t } = useTranslation();
  const { definition, example } = termTexts(term);
  return (
    <Popover width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Anchor
          component="button"
          type="button"
          inherit
          underline="never"
          style={{ textDecoration: "underline dotted", textUnderlineOffset: 3, verticalAlign: "baseline" }}
        >
          {text}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Text fw={700} size="sm">
            {term.term}
          </Text>
          <Text size="sm">{definition}</Text>
          {example && (
            <Text size="sm" c="dimmed" fs="italic">
              {example}
            </Text>
          )}
          <Anchor component={Link} to={`/glossary?q=${encodeURIComponent(term.term)}`} size="sm">
            {t("glossary.popover.more")}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * A plain text (an agenda item, a note) with the glossary's approved terms linked to their definition,
 * in the UI language: whole words, accents and case ignored, the first occurrence of each term. The
 * terms come once from the API and stay cached (`approvedTermsQuery`); until then, and should they not
 * come, the text shows as it is.
 */
export function GlossaryText({ text }: { text: string }) {
  const terms = useApprovedTerms();
  const items = terms.data?.items;
  const match = useMemo(() => (items ? termMatcher(items) : null), [items]);
  const parts = useMemo(() => (match ? match(text) : [{ text }]), [match, text]);
  return (
    <Text style={{ whiteSpace: "pre-wrap" }}>
      {parts.map((part, k) =>
        part.term ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order.
          <TermLink key={k} text={part.text} term={part.term} />
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}
