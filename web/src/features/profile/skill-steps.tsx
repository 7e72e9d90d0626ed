import { Card, Divider, Select, Stack, Text } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LEARN_PRIORITIES, PROFILE_LIMITS, SKILL_LEVELS } from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import type { Family } from "../../../../contracts/skills.ts";
import { levelDescription, useSelfAssessmentScale } from "../self-assessment/index.ts";
import { PickedSkill, SkillPicker, skillLabel, useCatalogue } from "../skills/index.ts";
import { learnFamily, type ProfileForm, type ProfileFormValues, singleRole } from "./profile-form.ts";

/** A skill picker above the list of the skills picked so far. */
function SkillList({
  family,
  skillIds,
  onAdd,
  onRemove,
  renderControl,
  emptyText,
  error,
}: {
  family?: Family | undefined;
  skillIds: string[];
  onAdd: (skillId: string) => void;
  onRemove: (index: number) => void;
  renderControl?: (index: number, label: string) => ReactNode;
  emptyText: string;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  return (
    <Stack>
      {skillIds.length < PROFILE_LIMITS.skillsPerList ? (
        <SkillPicker family={family} exclude={skillIds} onPick={onAdd} />
      ) : (
        <Text size="sm" c="dimmed">
          {t("profile.listFull", { count: PROFILE_LIMITS.skillsPerList })}
        </Text>
      )}
      <Card withBorder padding="sm">
        {skillIds.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="sm">
            {emptyText}
          </Text>
        ) : (
          skillIds.map((skillId, index) => {
            const label = skillLabel(catalogue.data, skillId);
            return (
              <Fragment key={skillId}>
                {index > 0 && <Divider />}
                <PickedSkill label={label} control={renderControl?.(index, label)} onRemove={() => onRemove(index)} />
              </Fragment>
            );
          })
        )}
      </Card>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** A choice among numbers: its label, and what it means when that needs saying (a level's description). */
type NumberOption = { value: number; label: string; description?: string | undefined };

/** A Select over numbers (levels, priorities) bound to a form field; each option's description shows under it in the list. */
function NumberChoice({ form, path, options, label }: { form: ProfileForm; path: string; options: NumberOption[]; label: string }) {
  const { value, onChange, error } = form.getInputProps(path);
  const descriptionOf = new Map(options.map((option) => [String(option.value), option.description]));
  return (
    <Select
      aria-label={label}
      data={options.map((option) => ({ value: String(option.value), label: option.label }))}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="xs">{option.label}</Text>
          {descriptionOf.get(option.value) && (
            <Text size="xs" c="dimmed" lh={1.3}>
              {descriptionOf.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      value={String(value)}
      onChange={(next) => next !== null && onChange(Number(next))}
      allowDeselect={false}
      error={error}
      w={{ base: 230, xs: 250 }}
      size="xs"
    />
  );
}

/** A list of skills each with a number chosen from its `options` (teach: level, learn: priority). */
function RatedSkillStep({
  form,
  list,
  family,
  rating,
  options,
  initial,
  controlLabel,
  emptyText,
}: {
  form: ProfileForm;
  list: "teach" | "learn";
  family: Family | undefined;
  rating: "level" | "priority";
  options: (skillId: string) => NumberOption[];
  initial: number;
  controlLabel: (skill: string) => string;
  emptyText: string;
}) {
  return (
    <SkillList
      family={family}
      skillIds={form.values[list].map((item) => item.skillId)}
      onAdd={(skillId) => form.insertListItem(list, { skillId, [rating]: initial } as ProfileFormValues[typeof list][number])}
      onRemove={(index) => form.removeListItem(list, index)}
      renderControl={(index, skill) => (
        <NumberChoice
          form={form}
          path={`${list}.${index}.${rating}`}
          options={options(form.values[list][index]?.skillId ?? "")}
          label={controlLabel(skill)}
        />
      )}
      emptyText={emptyText}
      error={form.errors[list]}
    />
  );
}

export function TeachStep({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const scale = useSelfAssessmentScale();
  // Each level described for the skill's family: teaching a tool and sharing leadership are rated differently.
  const levelsOf = (skillId: string): NumberOption[] => {
    const family = catalogue.data?.skillById.get(skillId)?.family;
    return SKILL_LEVELS.map((level) => ({
      value: level,
      label: `${level} · ${t(`selfAssessment.levels.${level}.label`)}`,
      description: family && levelDescription(scale.data, level, family),
    }));
  };
  return (
    <RatedSkillStep
      form={form}
      list="teach"
      // Only mentors teach, and what they teach is digital skills.
      family="digital"
      rating="level"
      options={levelsOf}
      initial={4}
      controlLabel={(skill) => t("profile.teach.levelOf", { skill })}
      emptyText={t("profile.teach.empty")}
    />
  );
}

/** What I want to learn: reverse skills for a mentor (in return), digital skills for a mentee, either for others. */
export function LearnStep({ form, roles }: { form: ProfileForm; roles: readonly ParticipantRole[] }) {
  const { t } = useTranslation();
  return (
    <RatedSkillStep
      form={form}
      list="learn"
      family={learnFamily(roles)}
      rating="priority"
      options={() => LEARN_PRIORITIES.map((priority) => ({ value: priority, label: t(`profile.priority.${priority}`) }))}
      initial={2}
      controlLabel={(skill) => t("profile.learn.priorityOf", { skill })}
      emptyText={t(singleRole(roles) === "mentor" ? "profile.roles.mentor.learn.empty" : "profile.learn.empty")}
    />
  );
}

export function OfferStep({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <SkillList
      family="reverse"
      skillIds={form.values.offer}
      onAdd={(skillId) => form.insertListItem("offer", skillId)}
      onRemove={(index) => form.removeListItem("offer", index)}
      emptyText={t("profile.offer.empty")}
      error={form.errors.offer}
    />
  );
}
