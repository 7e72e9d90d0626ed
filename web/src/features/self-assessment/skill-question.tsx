import { Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SKILL_LEVELS } from "../../../../contracts/profiles.ts";
import type { Skill } from "../../../../contracts/skills.ts";
import { localized } from "../skills/index.ts";
import { useSelfAssessmentScale } from "./queries.ts";
import { levelDescription } from "./scale.ts";

export const SKIP = "skip";

function Choice({ value, label, description }: { value: string; label: string; description?: string }) {
  return (
    <Radio.Card value={value} p="xs" radius="md">
      <Group wrap="nowrap" align="flex-start" gap="xs">
        <Radio.Indicator size="xs" mt={3} />
        <Stack gap={2}>
          <Text size="sm" fw={500} lh={1.3}>
            {label}
          </Text>
          {description && (
            <Text size="xs" c="dimmed" lh={1.35}>
              {description}
            </Text>
          )}
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/**
 * One question of the questionnaire: a skill and the 0–4 scale, each level with its description for the
 * skill's family (leading a team is not learnt from a tutorial), or "rather not answer".
 */
export function SkillQuestion({ skill, value, onChange }: { skill: Skill; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const scale = useSelfAssessmentScale();
  const label = localized(skill.label);
  return (
    <Radio.Group
      label={t(`selfAssessment.stems.${skill.family}.question`, { skill: label })}
      description={`${localized(skill.description)} ${t(`selfAssessment.stems.${skill.family}.hint`)}`}
      value={value}
      onChange={onChange}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="xs" verticalSpacing="xs" mt="xs">
        {SKILL_LEVELS.map((level) => (
          <Choice
            key={level}
            value={String(level)}
            label={`${level} · ${t(`selfAssessment.levels.${level}.label`)}`}
            description={levelDescription(scale.data, level, skill.family)}
          />
        ))}
        <Choice value={SKIP} label={t("selfAssessment.skip")} />
      </SimpleGrid>
    </Radio.Group>
  );
}
