import { Badge, Button, Card, Group, ScrollArea, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useDebouncedValue, useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Category, Skill } from "../../../../contracts/skills.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { type CatalogueIndex, categoriesOf, localized, normalize, useCatalogue } from "../skills/catalogue.ts";
import { FAMILIES } from "../skills/families.ts";
import { SkillActions } from "./skill-actions.tsx";
import { SkillFormModal } from "./skill-form-modal.tsx";

function matches(skill: Skill, q: string): boolean {
  if (!q) return true;
  const texts = [skill.label.fr, skill.label.en, ...skill.synonyms.fr, ...skill.synonyms.en, ...skill.customSynonyms];
  return texts.some((text) => normalize(text).includes(q));
}

/** The skills catalogue for admins: search, add organisation skills, rename, synonyms, archive. */
export function SkillsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("skillsAdmin.title")} · Passerelle`);
  const catalogue = useCatalogue();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(normalize(search.trim()), 200);
  const [withArchived, setWithArchived] = useState(true);
  const [editing, setEditing] = useState<{ skill?: Skill } | null>(null);
  const visible = (skill: Skill) => (withArchived || !skill.isArchived) && matches(skill, q);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("skillsAdmin.title")}</Title>
        <Button onClick={() => setEditing({})} disabled={!catalogue.data}>
          {t("skillsAdmin.add")}
        </Button>
      </Group>
      <Text>{t("skillsAdmin.intro")}</Text>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <Switch
          label={t("skillsAdmin.showArchived")}
          checked={withArchived}
          onChange={(event) => setWithArchived(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert error={catalogue.error} />
      {catalogue.isPending && <PageLoader />}
      {catalogue.data && <CatalogueTables catalogue={catalogue.data} visible={visible} onEdit={(skill) => setEditing({ skill })} />}
      {catalogue.data && (
        <SkillFormModal opened={editing !== null} skill={editing?.skill} catalogue={catalogue.data} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function CatalogueTables({
  catalogue,
  visible,
  onEdit,
}: {
  catalogue: CatalogueIndex;
  visible: (skill: Skill) => boolean;
  onEdit: (skill: Skill) => void;
}) {
  const { t } = useTranslation();
  const groups = FAMILIES.map((family) => ({
    family,
    categories: categoriesOf(catalogue, family)
      .map((category) => ({ category, skills: catalogue.skills.filter((skill) => skill.categoryId === category.id && visible(skill)) }))
      .filter((group) => group.skills.length > 0),
  })).filter((group) => group.categories.length > 0);

  if (groups.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t("skillsAdmin.noMatch")}
      </Text>
    );
  return groups.map(({ family, categories }) => (
    <Stack key={family} component="section" aria-labelledby={`family-${family}`}>
      <Title order={2} id={`family-${family}`}>
        {t(`skills.families.${family}`)}
      </Title>
      {categories.map(({ category, skills }) => (
        <CategoryTable key={category.id} category={category} skills={skills} onEdit={onEdit} />
      ))}
    </Stack>
  ));
}

function CategoryTable({ category, skills, onEdit }: { category: Category; skills: Skill[]; onEdit: (skill: Skill) => void }) {
  const { t } = useTranslation();
  const other = currentLanguage() === "fr" ? "en" : "fr";
  const title = localized(category.label);
  return (
    <Card withBorder padding="sm">
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <ScrollArea type="auto">
        <Table aria-label={title} miw={{ base: 320, sm: 680 }} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{t("skillsAdmin.skill")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("skillsAdmin.form.synonyms")}</Table.Th>
              <Table.Th w={{ sm: 150 }}>{t("skillsAdmin.origin")}</Table.Th>
              <Table.Th w={{ sm: 110 }}>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skills.map((skill) => (
              <Table.Tr key={skill.id} opacity={skill.isArchived ? 0.65 : 1}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {localized(skill.label)}
                  </Text>
                  <Text size="xs" c="dimmed" lang={other}>
                    {skill.label[other]}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {[...skill.synonyms.fr, ...skill.synonyms.en].join(", ")}
                  </Text>
                  {skill.customSynonyms.length > 0 && (
                    <Group gap={4} mt={4}>
                      {skill.customSynonyms.map((synonym) => (
                        <Badge key={synonym} size="sm" variant="light" color="teal" tt="none">
                          {synonym}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="outline" color={skill.isCustom ? "teal" : "gray"} tt="none">
                      {t(skill.isCustom ? "skillsAdmin.custom" : "skillsAdmin.builtIn")}
                    </Badge>
                    {skill.isArchived && (
                      <Badge color="gray" tt="none">
                        {t("skillsAdmin.archivedBadge")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SkillActions skill={skill} onEdit={() => onEdit(skill)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
}
