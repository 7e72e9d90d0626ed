import { Badge, Group, Progress, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProgrammeOnboarding } from "../../../../contracts/onboarding.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { useProgrammeOnboarding } from "./queries.ts";

type Row = ProgrammeOnboarding["items"][number];

function PreparationBadge({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (row.isComplete)
    return (
      <Badge color="teal" variant="light">
        {t("onboarding.completion.isComplete")}
      </Badge>
    );
  const started = row.modulesDone > 0 || row.charterAccepted;
  return (
    <Badge color={started ? "yellow" : "gray"} variant="light">
      {t(started ? "onboarding.completion.inProgress" : "onboarding.completion.notStarted")}
    </Badge>
  );
}

/**
 * Onboarding completion of a programme's enrolled people, for its managers: modules read, charter
 * accepted, complete or not, and totals. The reflections stay private and never reach this table.
 */
export function OnboardingCompletion({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const completion = useProgrammeOnboarding(programmeId);
  const data = completion.data;

  return (
    <SectionCard title={t("onboarding.completion.title")} description={t("onboarding.completion.description")}>
      <ErrorAlert error={completion.error} />
      {completion.isPending && <PageLoader />}
      {data && (
        <Stack>
          <Group justify="space-between" gap="xs">
            <Text fw={500}>{t("onboarding.completion.totals", { count: data.totals.complete, people: data.totals.people })}</Text>
            <Text size="sm" c="dimmed">
              {t(data.requiresOnboarding ? "onboarding.completion.required" : "onboarding.completion.notRequired")}
            </Text>
          </Group>
          <ScrollArea type="auto">
            <Table aria-label={t("onboarding.completion.title")} striped miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("onboarding.completion.name")}</Table.Th>
                  <Table.Th>{t("onboarding.completion.role")}</Table.Th>
                  <Table.Th>{t("onboarding.completion.modules")}</Table.Th>
                  <Table.Th>{t("onboarding.completion.charter")}</Table.Th>
                  <Table.Th>{t("onboarding.completion.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((row) => (
                  <Table.Tr key={row.personId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.name}
                      </Text>
                      {row.status === "invited" && (
                        <Text size="xs" c="dimmed">
                          {t("onboarding.completion.invited")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`onboarding.roles.${row.role}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={row.modulesTotal ? (100 * row.modulesDone) / row.modulesTotal : 0}
                          w={60}
                          size="sm"
                          color={row.modulesDone === row.modulesTotal ? "teal" : "indigo"}
                          aria-hidden
                        />
                        <Text size="sm">{t("onboarding.completion.modulesCount", { done: row.modulesDone, total: row.modulesTotal })}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {row.charterAccepted ? (
                        <Text size="sm" c="teal">
                          <span aria-hidden>✓ </span>
                          {t("onboarding.completion.charterAccepted")}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t("onboarding.completion.charterPending")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PreparationBadge row={row} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                {data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="md">
                        {t("onboarding.completion.empty")}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}
    </SectionCard>
  );
}
