import { Checkbox, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SKILL_FAMILIES as FAMILIES } from "../../../../contracts/skills.ts";
import { type CatalogueIndex, categoriesOf, localized } from "../skills/index.ts";

/** The catalogue's categories as checkboxes, one column per family. */
export function CategoryChooser({
  catalogue,
  value,
  onChange,
}: {
  catalogue: CatalogueIndex;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t("selfAssessment.categories.label")}
      description={t("selfAssessment.categories.help")}
      value={value}
      onChange={onChange}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
        {FAMILIES.map((family) => (
          <Stack key={family} gap="xs">
            <Text fw={600} size="sm">
              {t(`skills.families.${family}`)}
            </Text>
            {categoriesOf(catalogue, family).map((category) => (
              <Checkbox key={category.id} value={category.id} label={localized(category.label)} />
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
