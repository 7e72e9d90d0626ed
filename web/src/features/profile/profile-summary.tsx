import { Badge, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type ProfileBody, skillListsFor, TIME_SLOTS, WEEKDAYS } from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { languageName } from "../../lib/languages.ts";
import { skillLabel, useCatalogue } from "../skills/index.ts";
import { asksCapacity, stepTextKey } from "./profile-form.ts";

function Item({ label, children, empty }: { label: string; children: ReactNode; empty: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {label}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t("profile.summary.notProvided")}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

function Badges({ items }: { items: { key: string; label: string; detail?: string }[] }) {
  return (
    <Group gap={6}>
      {items.map(({ key, label, detail }) => (
        <Badge
          key={key}
          variant="light"
          tt="none"
          size="lg"
          fw={500}
          styles={{ root: { height: "auto", paddingBlock: 4, maxWidth: "100%" }, label: { whiteSpace: "normal", textAlign: "left" } }}
        >
          {label}
          {detail && (
            <Text span size="xs" c="dimmed" ml={6}>
              {detail}
            </Text>
          )}
        </Badge>
      ))}
    </Group>
  );
}

/** "Monday: morning, lunch" lines for the chosen availability slots. */
function availabilityLines(availability: string[], t: TFunction): string[] {
  return WEEKDAYS.flatMap((day) => {
    const slots = TIME_SLOTS.filter((slot) => availability.includes(`${day}:${slot}`));
    const names = slots.map((slot) => t(`profile.slots.${slot}`)).join(", ");
    return slots.length ? [t("profile.summary.availabilityLine", { day: t(`profile.weekdays.${day}`), slots: names })] : [];
  });
}

/**
 * A profile, read only: the wizard's last step and the person page HR sees. Only what the person's
 * programme roles ask shows (a mentor's offer in return, a mentee's teaching or capacity are not theirs).
 */
export function ProfileSummary({
  profile,
  ofSomeoneElse = false,
}: {
  profile: ProfileBody & { roles: readonly ParticipantRole[] };
  ofSomeoneElse?: boolean;
}) {
  const { t } = useTranslation();
  const { roles } = profile;
  const lists = skillListsFor(roles);
  // HR reads someone else's profile: headings in the third person ("Can teach" rather than "What I can teach").
  const heading = (key: string) =>
    t(
      ofSomeoneElse
        ? `profile.summary.other.${key}`
        : key === "teach" || key === "learn" || key === "offer"
          ? stepTextKey(key, roles, "title")
          : `profile.practical.${key}`,
    );
  const catalogue = useCatalogue().data;
  const lines = availabilityLines(profile.availability, t);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
      {lists.includes("teach") && (
        <Item label={heading("teach")} empty={profile.teach.length === 0}>
          <Badges
            items={profile.teach.map(({ skillId, level }) => ({
              key: skillId,
              label: skillLabel(catalogue, skillId),
              detail: t(`selfAssessment.levels.${level}.label`),
            }))}
          />
        </Item>
      )}
      <Item label={heading("learn")} empty={profile.learn.length === 0}>
        <Badges
          items={profile.learn.map(({ skillId, priority }) => ({
            key: skillId,
            label: skillLabel(catalogue, skillId),
            detail: t(`profile.priority.${priority}`),
          }))}
        />
      </Item>
      {lists.includes("offer") && (
        <Item label={heading("offer")} empty={profile.offer.length === 0}>
          <Badges items={profile.offer.map((skillId) => ({ key: skillId, label: skillLabel(catalogue, skillId) }))} />
        </Item>
      )}
      <Item label={heading("interests")} empty={profile.interests.length === 0}>
        <Badges items={profile.interests.map((interest) => ({ key: interest, label: interest }))} />
      </Item>
      <Item label={heading("availability")} empty={lines.length === 0}>
        {lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
      </Item>
      <Item label={heading("format")} empty={!profile.format}>
        <Text size="sm">{profile.format && t(`profile.formats.${profile.format}`)}</Text>
      </Item>
      <Item label={heading("languages")} empty={profile.languages.length === 0}>
        <Text size="sm">{profile.languages.map(languageName).join(", ")}</Text>
      </Item>
      {asksCapacity(roles) && (
        <Item label={heading("capacity")} empty={false}>
          <Text size="sm">{t("profile.summary.capacity", { count: profile.mentorCapacity })}</Text>
        </Item>
      )}
      <Item label={heading("hopes")} empty={!profile.hopes}>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {profile.hopes}
        </Text>
      </Item>
    </SimpleGrid>
  );
}
