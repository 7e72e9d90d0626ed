import { Button, Combobox, Group, Loader, Select, SimpleGrid, Text, TextInput, useCombobox } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Family } from "../../../../contracts/skills.ts";
import { localized, skillOptions } from "./catalogue.ts";
import { useCatalogue, useSkillSuggestions } from "./queries.ts";

interface PickerProps {
  /** Only skills of this family are offered. */
  family?: Family;
  /** Skills already picked, not offered again. */
  exclude: readonly string[];
  onPick: (skillId: string) => void;
}

/** Adds a skill either by typing what one means (free-text search) or by browsing the catalogue's categories. */
export function SkillPicker(props: PickerProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <SkillSearch {...props} />
      <SkillBrowser {...props} />
    </SimpleGrid>
  );
}

/** The suggestions for `text`, asked for once typing pauses. */
function useSuggestions(text: string, filter: Omit<PickerProps, "onPick">) {
  const [q] = useDebouncedValue(text.trim(), 250);
  return useSkillSuggestions(q, filter);
}

function SkillSearch({ onPick, ...filter }: PickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { items, isFetching, isSearching } = useSuggestions(text, filter);

  function pick(skillId: string) {
    onPick(skillId);
    setText("");
    combobox.closeDropdown();
  }

  return (
    <Combobox store={combobox} onOptionSubmit={pick}>
      <Combobox.Target>
        <TextInput
          label={t("skills.picker.search")}
          description={t("skills.picker.searchHelp")}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={isFetching ? <Loader size={16} aria-label={t("common.loading")} /> : null}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!isSearching}>
        <Combobox.Options>
          {items.map(({ skill, matchedTerm }) => (
            <Combobox.Option key={skill.id} value={skill.id}>
              <Text size="sm">{localized(skill.label)}</Text>
              {matchedTerm && normalizedDiffers(matchedTerm, localized(skill.label)) && (
                <Text size="xs" c="dimmed">
                  {t("skills.picker.matched", { term: matchedTerm })}
                </Text>
              )}
            </Combobox.Option>
          ))}
          {items.length === 0 && !isFetching && <Combobox.Empty>{t("skills.picker.noMatch")}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function normalizedDiffers(a: string, b: string): boolean {
  return a.trim().toLowerCase() !== b.trim().toLowerCase();
}

function SkillBrowser({ family, exclude, onPick }: PickerProps) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  // Remounted after each pick so that the field is empty again.
  const [key, setKey] = useState(0);
  return (
    <Select
      key={key}
      label={t("skills.picker.browse")}
      description={t("skills.picker.browseHelp")}
      placeholder={t("skills.picker.browsePlaceholder")}
      data={skillOptions(catalogue.data, family, exclude)}
      onChange={(skillId) => {
        if (!skillId) return;
        onPick(skillId);
        setKey((k) => k + 1);
      }}
      searchable
      nothingFoundMessage={t("skills.picker.noMatch")}
      maxDropdownHeight={320}
    />
  );
}

/** "Skill label" and a control (level, priority) and a remove button, for one picked skill. */
export function PickedSkill({ label, control, onRemove }: { label: string; control?: ReactNode; onRemove: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={6} role="group" aria-labelledby={id}>
      <Text id={id} fw={500} size="sm" style={{ flex: "1 1 200px" }}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        {control}
        <Button variant="subtle" color="red" size="xs" aria-label={t("skills.picker.remove", { skill: label })} onClick={onRemove}>
          {t("skills.picker.removeShort")}
        </Button>
      </Group>
    </Group>
  );
}
