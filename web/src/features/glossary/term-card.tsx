import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { GlossaryTerm } from "../../../../contracts/glossary.ts";
import { currentLanguage, type Language } from "../../i18n/index.ts";
import { skillLabel, useCatalogue } from "../skills/index.ts";

/** The definition and example of a term in the UI language, and the other language's for the toggle. */
export function termTexts(term: GlossaryTerm) {
  const language = currentLanguage();
  const other: Language = language === "fr" ? "en" : "fr";
  const definition = term.definition[language] || term.definition[other];
  return {
    language,
    other,
    definition,
    /** Written only in the other language so far (a proposal). */
    isOtherOnly: !term.definition[language] && Boolean(term.definition[other]),
    example: term.example[language] || (term.definition[language] ? "" : term.example[other]),
  };
}

/**
 * A term of the glossary: its definition and example in the UI language, the other language's behind
 * a toggle, its skills, who proposed it; `actions` (a manager's) at its foot.
 */
export function TermCard({ term, actions, compact = false }: { term: GlossaryTerm; actions?: ReactNode; compact?: boolean }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [showsOther, { toggle }] = useDisclosure(false);
  const { other, definition, isOtherOnly, example } = termTexts(term);
  const titleId = `glossary-term-${term.id}`;
  const otherId = `glossary-term-${term.id}-other`;
  const hasOther = !isOtherOnly && Boolean(term.definition[other]);
  return (
    <Card component="article" withBorder padding={compact ? "sm" : "md"} aria-labelledby={titleId}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={compact ? 3 : 2} size="h4" id={titleId}>
            {term.term}
          </Title>
          {term.status !== "approved" && (
            <Badge color={term.status === "proposed" ? "yellow" : "gray"} variant="light" tt="none">
              {t(`glossary.card.status.${term.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" lang={isOtherOnly ? other : undefined}>
          {definition}
        </Text>
        {isOtherOnly && (
          <Text size="xs" c="dimmed">
            {t("glossary.card.onlyOther")}
          </Text>
        )}
        {example && (
          <Text size="sm" c="dimmed">
            <Text span fw={500} inherit>
              {t("glossary.card.example")}
            </Text>{" "}
            <Text span fs="italic" inherit>
              {example}
            </Text>
          </Text>
        )}
        {showsOther && (
          <Stack gap={4} id={otherId} lang={other} pl="sm" style={{ borderLeft: "2px solid var(--mantine-color-gray-3)" }}>
            <Text size="xs" c="dimmed" fw={500}>
              {t("glossary.card.otherLanguage")}
            </Text>
            <Text size="sm">{term.definition[other]}</Text>
            {term.example[other] && (
              <Text size="sm" c="dimmed" fs="italic">
                {term.example[other]}
              </Text>
            )}
          </Stack>
        )}
        {!compact && term.skillIds.length > 0 && (
          <Group gap={4} aria-label={t("glossary.card.skills")} role="list">
            {term.skillIds.map((id) => (
              <Badge key={id} role="listitem" variant="outline" color="indigo" tt="none" size="sm">
                {skillLabel(catalogue.data, id)}
              </Badge>
            ))}
          </Group>
        )}
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {hasOther && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={toggle}
                aria-expanded={showsOther}
                aria-controls={showsOther ? otherId : undefined}
              >
                {t(showsOther ? "glossary.card.hideOther" : "glossary.card.showOther")}
              </Button>
            )}
            {term.proposedBy && (
              <Text size="xs" c="dimmed">
                {t("glossary.card.proposedBy", { name: term.proposedBy.name })}
              </Text>
            )}
          </Group>
          {actions}
        </Group>
      </Stack>
    </Card>
  );
}
