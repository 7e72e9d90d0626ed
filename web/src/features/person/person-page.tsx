import { Anchor, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Person } from "../../../../contracts/people.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { PersonStatus } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { CompletenessCard, ProfileSummary } from "../profile/index.ts";
import { personQuery } from "./queries.ts";

/** What HR sees of a person: directory data, profile summary, completeness, self-assessment dates (never the scores). */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useQuery(personQuery(id));
  const person = detail.data?.person;
  const name = person ? `${person.firstName} ${person.lastName}` : "";
  useDocumentTitle(`${name || t("person.title")} · Passerelle`);

  return (
    <Stack>
      <Anchor component={Link} to="/admin/people?tab=directory" size="sm">
        {t("person.back")}
      </Anchor>
      <ErrorAlert error={detail.error} />
      {detail.isPending && <PageLoader />}
      {detail.data && person && (
        <>
          <Stack gap={0}>
            <Title order={1}>{name}</Title>
            {person.jobTitle && <Text c="dimmed">{person.jobTitle}</Text>}
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DirectoryCard person={person} />
            <Stack>
              <CompletenessCard completeness={detail.data.completeness} />
              <SectionCard title={t("person.selfAssessments")} titleSize="h4" description={t("person.selfAssessmentsPrivacy")}>
                {detail.data.selfAssessments.length === 0 ? (
                  <Text size="sm">{t("person.noSelfAssessment")}</Text>
                ) : (
                  <List size="sm">
                    {detail.data.selfAssessments.map((assessment) => (
                      <List.Item key={assessment.id}>{formatDateTime(assessment.takenAt)}</List.Item>
                    ))}
                  </List>
                )}
              </SectionCard>
            </Stack>
          </SimpleGrid>
          <SectionCard title={t("person.profile")}>
            {detail.data.profile ? (
              <ProfileSummary profile={detail.data.profile} ofSomeoneElse />
            ) : (
              <Text c="dimmed">{t("person.noProfile")}</Text>
            )}
          </SectionCard>
        </>
      )}
    </Stack>
  );
}

function DirectoryCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t("fields.email"), person.email],
    [t("person.employeeId"), person.employeeId],
    [t("fields.department"), person.department],
    [t("fields.site"), person.site],
    [t("fields.manager"), person.managerName],
    [t("person.hireYear"), person.hireYear],
    [t("fields.account"), <PersonStatus key="account" person={person} withRoles />],
  ];
  return (
    <SectionCard title={t("person.directory")} titleSize="h4">
      <Stack gap={8} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
              {value ?? "—"}
            </Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
