import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { GlossaryText } from "../glossary/index.ts";
import { useJournal } from "./queries.ts";

/** My learning journal in a pair: what I wrote after each session, the latest first. Only I ever read it. */
export function LearningJournal({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const journal = useJournal(pair.id);
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
              {t("sessionNotes.journal.session", { date: formatDate(entry.sessionStartsAt, "long") })}
            </Title>
            <GlossaryText text={entry.journal} />
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}
