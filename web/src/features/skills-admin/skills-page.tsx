import { Badge, Button, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { SKILL_FAMILIES, type Skill } from "../../../../contracts/skills.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { DataTable, type DataTableColumn, type SortState, sortRows } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { type CatalogueIndex, categoriesOf, localized, normalize, useCatalogue } from "../skills/index.ts";
import { SkillActions } from "./skill-actions.tsx";
import { SkillFormModal } from "./skill-form-modal.tsx";

/** Skills per page: the catalogue holds some seventy, plus the organisation's own. */
const PAGE_SIZE = 25;

const SORT_KEYS = ["skill", "category", "origin"] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** Whether `skill` contains `q` (already normalised) in a label or a synonym, in either language. */
function matches(skill: Skill, q: string): boolean {
  if (!q) return true;
  const texts = [skill.label.fr, skill.label.en, ...skill.synonyms.fr, ...skill.synonyms.en, ...skill.customSynonyms];
  return texts.some((text) => normalize(text).includes(q));
}

/** The catalogue's skills in its own order: by family, by category, then alphabetically. */
function catalogueOrder(catalogue: CatalogueIndex): Skill[] {
  const language = currentLanguage();
  return SKILL_FAMILIES.flatMap((family) =>
    categoriesOf(catalogue, family).flatMap((category) =>
      catalogue.skills
        .filter((skill) => skill.categoryId === category.id)
        .sort((a, b) => localized(a.label).localeCompare(localized(b.label), language)),
    ),
  );
}

/** The skills catalogue for admins: search, filter by family, add organisation skills, rename, synonyms, archive. */
export function SkillsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t("skillsAdmin.title")} · Passerelle`);
  const catalogue = useCatalogue();
  const url = useUrlState({
    q: urlParam.text(),
    family: urlParam.choice(SKILL_FAMILIES),
    archived: urlParam.choice(["show", "hide"], "show"),
    sort: urlParam.choice(SORT_KEYS),
    direction: urlParam.choice(["asc", "desc"], "asc"),
  });
  const { search, setSearch, q } = useUrlSearch(url);
  const { family, archived, sort: sortKey, direction } = url.values;
  const sort: SortState | null = sortKey ? { key: sortKey, direction } : null;
  const [editing, setEditing] = useState<{ skill?: Skill } | null>(null);

  const data = catalogue.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels' order follows the UI language.
  const ordered = useMemo(() => (data ? catalogueOrder(data) : undefined), [data, i18n.language]);
  const needle = normalize(q);
  const visible = ordered?.filter(
    (skill) => (archived === "show" || !skill.isArchived) && (!family || skill.family === family) && matches(skill, needle),
  );
  const categoryLabel = (skill: Skill) => {
    const category = data?.categoryById.get(skill.categoryId);
    return category ? localized(category.label) : "";
  };
  const sorted =
    visible &&
    sortRows(visible, sort, {
      skill: (skill) => localized(skill.label),
      category: categoryLabel,
      origin: (skill) => t(skill.isCustom ? "skillsAdmin.custom" : "skillsAdmin.builtIn"),
    });
  const pageRows = sorted?.slice((url.page - 1) * PAGE_SIZE, url.page * PAGE_SIZE);

  const other = currentLanguage() === "fr" ? "en" : "fr";
  const columns: DataTableColumn<Skill>[] = [
    {
      key: "skill",
      header: t("skillsAdmin.skill"),
      sortKey: "skill",
      cell: (skill) => (
        <>
          <Text size="sm" fw={500} c={skill.isArchived ? "dimmed" : undefined}>
            {localized(skill.label)}
          </Text>
          <Text size="xs" c="dimmed" lang={other}>
            {skill.label[other]}
          </Text>
        </>
      ),
    },
    {
      key: "category",
      header: t("skillsAdmin.form.category"),
      sortKey: "category",
      visibleFrom: "sm",
      cell: (skill) => (
        <>
          <Text size="sm">{categoryLabel(skill)}</Text>
          <Text size="xs" c="dimmed">
            {t(`skills.families.${skill.family}`)}
          </Text>
        </>
      ),
    },
    {
      key: "synonyms",
      header: t("skillsAdmin.form.synonyms"),
      visibleFrom: "lg",
      cell: (skill) => (
        <>
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
        </>
      ),
    },
    {
      key: "origin",
      header: t("skillsAdmin.origin"),
      sortKey: "origin",
      cell: (skill) => (
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
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (skill) => <SkillActions skill={skill} onEdit={() => setEditing({ skill })} />,
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("skillsAdmin.title")}</Title>
        <Button onClick={() => setEditing({})} disabled={!data}>
          {t("skillsAdmin.add")}
        </Button>
      </Group>
      <Text>{t("skillsAdmin.intro")}</Text>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <ChoiceFilter
          label={t("skillsAdmin.family")}
          placeholder={t("skillsAdmin.allFamilies")}
          values={SKILL_FAMILIES}
          optionLabel={(value) => t(`skills.families.${value}`)}
          value={family}
          onChange={(value) => url.set({ family: value })}
        />
        <Switch
          label={t("skillsAdmin.showArchived")}
          checked={archived === "show"}
          onChange={(event) => url.set({ archived: event.currentTarget.checked ? "show" : "hide" })}
          mb={8}
        />
      </Group>
      <ErrorAlert error={catalogue.error} />
      <DataTable
        label={t("skillsAdmin.tableLabel")}
        columns={columns}
        rows={pageRows}
        rowKey={(skill) => skill.id}
        loading={catalogue.isFetching}
        sort={sort}
        onSortChange={(next) => url.set({ sort: next.key as SortKey, direction: next.direction })}
        pagination={sorted && { page: url.page, pageSize: PAGE_SIZE, total: sorted.length, onChange: url.setPage }}
        empty={{
          title: t("skillsAdmin.noMatch"),
          action: (
            <Button variant="light" onClick={() => setEditing({})}>
              {t("skillsAdmin.add")}
            </Button>
          ),
        }}
      />
      {data && <SkillFormModal opened={editing !== null} skill={editing?.skill} catalogue={data} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
