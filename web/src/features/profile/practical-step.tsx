import { MultiSelect, NumberInput, Radio, SimpleGrid, Stack, TagsInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FORMATS, PROFILE_LIMITS } from "../../../../contracts/profiles.ts";
import type { ParticipantRole } from "../../../../contracts/programmes.ts";
import { languageOptions } from "../../lib/languages.ts";
import { AvailabilityGrid } from "./availability-grid.tsx";
import { asksCapacity, type ProfileForm } from "./profile-form.ts";

/** Interests, availability, format, languages, hopes; how many mentees one can take only for those who may mentor. */
export function PracticalStep({ form, roles }: { form: ProfileForm; roles: readonly ParticipantRole[] }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TagsInput
        label={t("profile.practical.interests")}
        description={t("profile.practical.interestsHelp")}
        maxTags={PROFILE_LIMITS.interests}
        clearable
        {...form.getInputProps("interests")}
      />
      <AvailabilityGrid
        value={form.values.availability}
        onChange={(value) => form.setFieldValue("availability", value)}
        error={form.errors.availability}
      />
      <Radio.Group label={t("profile.practical.format")} {...form.getInputProps("format")}>
        <Stack gap="xs" mt="xs">
          {FORMATS.map((format) => (
            <Radio key={format} value={format} label={t(`profile.formats.${format}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: asksCapacity(roles) ? 2 : 1 }}>
        <MultiSelect
          label={t("profile.practical.languages")}
          description={t("profile.practical.languagesHelp")}
          data={languageOptions(form.values.languages)}
          searchable
          nothingFoundMessage={t("skills.picker.noMatch")}
          {...form.getInputProps("languages")}
        />
        {asksCapacity(roles) && (
          <NumberInput
            label={t("profile.practical.capacity")}
            description={t("profile.practical.capacityHelp", PROFILE_LIMITS.mentorCapacity)}
            min={PROFILE_LIMITS.mentorCapacity.min}
            max={PROFILE_LIMITS.mentorCapacity.max}
            clampBehavior="strict"
            allowDecimal={false}
            {...form.getInputProps("mentorCapacity")}
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t("profile.practical.hopes")}
        description={t("profile.practical.hopesHelp")}
        autosize
        minRows={3}
        maxLength={PROFILE_LIMITS.hopesLength}
        {...form.getInputProps("hopes")}
      />
    </Stack>
  );
}
