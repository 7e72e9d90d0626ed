import { List, Text } from "@mantine/core";
import type { MentorOption } from "../../../../contracts/pairs.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { capitalize } from "../../lib/languages.ts";

type Reason = MentorOption["reasons"][number];

/** Reasons whose sentence has the mentor as its subject ("teaches X, which their mentee wants to learn"). */
const MENTOR_SUBJECT = ["teaching", "reciprocity"];

/** A score of 0 to 1 as a percentage in the UI language ("82 %"). */
export function formatScore(score: number): string {
  return new Intl.NumberFormat(currentLanguage(), { style: "percent", maximumFractionDigits: 0 }).format(score);
}

/**
 * The engine's reasons in the UI language, best first; `mentorName` becomes the subject of the
 * mentor's sentences. The server writes them for their reader: addressed to the mentee browsing
 * mentors, about the pair on a pair's page.
 */
export function MatchReasons({ reasons, mentorName, max = 3 }: { reasons: Reason[]; mentorName?: string; max?: number }) {
  const language = currentLanguage();
  const sentences = [...reasons]
    .sort((a, b) => b.contribution - a.contribution)
    .map((reason) => {
      const text = reason[language] || reason.fr;
      if (!MENTOR_SUBJECT.includes(reason.component)) return capitalize(text);
      return mentorName ? `${mentorName} ${text}` : capitalize(text);
    });
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
