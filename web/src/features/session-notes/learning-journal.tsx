import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { dateInZone } from "../../lib/zoned-time.ts";
import { GlossaryText } from "../glossary/index.ts";
import { usePairTimeZone } from "../sessions/index.ts";
import { useJournal } from "./queries.ts";

/**
 * My learning journal in a pair: what I wrote after each session, the latest first, each under the day of
 * its session in my time zone. Only I ever read it.
 */
export function LearningJournal({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const journal = useJournal(pair.id);
  const zone = usePairTimeZone(pair.id);
  return (
    <SectionCard title={t("sessionNotes.journal.title")} description={t("sessionNotes.journal.description")}>
      <ErrorAlert error={journal.error} />
      {journal.data && journal.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("sessionNotes.journal.empty")}
        </Text>
      )}
      <Stack gap="md">
        {journal.data?.items.map((entry) => (
          <div key={entry.sessionId}>
            <Title order={3} size="h6">
              {t("sessionNotes.journal.session", { date: dateInZone(entry.sessionStartsAt, zone, "long") })}
            </Title>
            <GlossaryText text={entry.journal} />
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}
