import { Badge, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FitLevel, ParticipantReason } from "../../../../contracts/pairs.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { capitalize } from "../../lib/languages.ts";

/**
 * How well two profiles fit, as a pair's people and a mentee browsing mentors read it: a kind word, never the
 * engine's figure, which would read like a grade of the person (docs/terminology.md). The API sends them the
 * level only (`FIT_LEVELS` and their thresholds live in contracts/pairs.ts); managers see the figure.
 * "Très complémentaires", "Complémentaires" or "Quelques points communs".
 */
export function FitBadge({ fit }: { fit: FitLevel }) {
  const { t } = useTranslation();
  return (
    <Badge size="lg" variant="light" color="indigo" style={{ flexShrink: 0 }}>
      {t(`pairs.fit.${fit}`)}
    </Badge>
  );
}

/**
 * The engine's reasons in the UI language, in the server's order (most important first: the reader gets no
 * figures to sort them by). The server writes them as full sentences for their reader: to the mentee browsing
 * mentors, to each person of a pair. (Reasons a pair kept from before were lowercase fragments: their first
 * letter is raised.)
 */
export function MatchReasons({ reasons, max = 3 }: { reasons: ParticipantReason[]; max?: number }) {
  const language = currentLanguage();
  const sentences = reasons.map((reason) => capitalize(reason[language] || reason.fr));
  const unique = [...new Set(sentences)].slice(0, max);
  if (!unique.length) return null;
  return (
    <List size="sm" spacing={4}>
      {unique.map((sentence) => (
        <List.Item key={sentence}>
          <Text size="sm" span>
            {sentence}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
