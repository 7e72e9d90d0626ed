import { MultiSelect, NumberInput, Radio, SimpleGrid, Stack, TagsInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FORMATS } from "../../../../contracts/profiles.ts";
import { languageOptions } from "../../lib/languages.ts";
import { AvailabilityGrid } from "./availability-grid.tsx";
import type { ProfileForm } from "./profile-form.ts";

export function PracticalStep({ form }: { form: ProfileForm }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TagsInput
        label={t("profile.practical.interests")}
        description={t("profile.practical.interestsHelp")}
        maxTags={20}
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
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t("profile.practical.languages")}
          description={t("profile.practical.languagesHelp")}
          data={languageOptions(form.values.languages)}
          searchable
          nothingFoundMessage={t("skills.picker.noMatch")}
          {...form.getInputProps("languages")}
        />
        <NumberInput
          label={t("profile.practical.capacity")}
          description={t("profile.practical.capacityHelp")}
          min={1}
          max={5}
          clampBehavior="strict"
          allowDecimal={false}
          {...form.getInputProps("mentorCapacity")}
        />
      </SimpleGrid>
      <Textarea
        label={t("profile.practical.hopes")}
        description={t("profile.practical.hopesHelp")}
        autosize
        minRows={3}
        maxLength={1000}
        {...form.getInputProps("hopes")}
      />
    </Stack>
  );
}
