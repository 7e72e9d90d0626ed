import { Badge, Button, Grid, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Programme } from "../../../../contracts/programmes.ts";
import { SectionCard } from "../../components/section-card.tsx";
import { formatDate } from "../../lib/dates.ts";
import { MarkdownText } from "../onboarding/index.ts";
import { CompletenessCard, useMyProfile } from "../profile/index.ts";
import { PhaseBadge } from "./labels.tsx";
import { ApplyChoice, InvitationAnswer, MyEnrolmentBadges } from "./participation.tsx";

/** Enrolled people are asked to complete their profile: the matching reads it. */
function ProfileForMatching() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  if (!profile.data || profile.data.completeness.percent === 100) return null;
  return (
    <CompletenessCard completeness={profile.data.completeness} withLinks title={t("programmes.participant.profileTitle")}>
      <Text size="sm">{t("programmes.participant.profileWhy")}</Text>
      <Group mt="xs">
        <Button component={Link} to="/profile" size="xs">
          {t("programmes.participant.completeProfile")}
        </Button>
      </Group>
    </CompletenessCard>
  );
}

/** What a participant sees of a programme: what it is about, its rhythm, and their own participation. */
export function ParticipantView({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const enrolment = programme.myEnrolment;
  const facts: [string, ReactNode][] = [
    [t("programmes.facts.dates"), t("programmes.dateRange", { start: formatDate(programme.startsOn), end: formatDate(programme.endsOn) })],
    [t("programmes.facts.cadence"), t("programmes.cadence", { count: programme.cadenceWeeks })],
    [t("programmes.facts.sessionLength"), t("programmes.minutes", { count: programme.sessionMinutes })],
    [t("programmes.facts.format"), t(`programmes.formats.${programme.format}`)],
  ];

  return (
    <Stack>
      <Group gap="sm" align="center">
        <Title order={1}>{programme.name}</Title>
        <PhaseBadge phase={programme.phase} size="lg" />
        {programme.isPilot && (
          <Badge variant="outline" color="gray" size="lg">
            {t("programmes.pilot")}
          </Badge>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SectionCard title={t("programmes.participant.about")} h="100%">
            {programme.objectives ? (
              <MarkdownText>{programme.objectives}</MarkdownText>
            ) : (
              <Text c="dimmed">{t("programmes.participant.noObjectives")}</Text>
            )}
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SectionCard title={t("programmes.participant.practical")} titleSize="h4" h="100%">
            <Stack gap={8} component="dl" m={0}>
              {facts.map(([label, value]) => (
                <div key={label}>
                  <Text component="dt" size="xs" c="dimmed">
                    {label}
                  </Text>
                  <Text component="dd" size="sm" m={0}>
                    {value}
                  </Text>
                </div>
              ))}
            </Stack>
          </SectionCard>
        </Grid.Col>
      </Grid>
      <SectionCard title={t("programmes.participant.myParticipation")}>
        {enrolment ? (
          <Stack>
            <MyEnrolmentBadges enrolment={enrolment} />
            <Text size="sm">{t(`programmes.roleHelp.${enrolment.role}`)}</Text>
            <InvitationAnswer programme={programme} />
            {enrolment.status !== "declined" && <ProfileForMatching />}
            {enrolment.status !== "declined" && (
              <Group gap="sm">
                <Button component={Link} to={`/programmes/${programme.id}/onboarding`} variant="light">
                  {t("programmes.participant.prepare")}
                </Button>
                {enrolment.status === "joined" && enrolment.role === "mentee" && programme.allowsProposals && (
                  <Button component={Link} to={`/programmes/${programme.id}/mentors`} variant="light">
                    {t("programmes.participant.findMentor")}
                  </Button>
                )}
                <Button component={Link} to="/pairs" variant="default">
                  {t("programmes.participant.myPairs")}
                </Button>
              </Group>
            )}
          </Stack>
        ) : programme.phase === "enrolment" ? (
          <Stack>
            <Text size="sm">{t("programmes.participant.applyIntro")}</Text>
            <ApplyChoice programme={programme} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.participant.notOpen")}
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}
