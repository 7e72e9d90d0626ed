import { Anchor, Button, Group, Progress, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ROLES } from "../../../../contracts/accounts.ts";
import type { DirectoryFilters } from "../../../../contracts/invitations.ts";
import { COMPLETENESS_FILTERS, type Person } from "../../../../contracts/people.ts";
import type { DataTableColumn } from "../../components/data-table.tsx";
import { PagedQueryTable } from "../../components/paged-query-table.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { PersonStatus } from "../../components/status-badge.tsx";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { BulkInviteButton, InviteModal } from "../invitations/index.ts";
import { skillOptions, useCatalogue } from "../skills/index.ts";
import { CompletenessFilter, RoleFilter } from "./people-filters.tsx";
import { PAGE_SIZE, type PeopleFilters, usePeople } from "./queries.ts";

const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

/** The filters on screen as the API's directory filters (those left empty are not sent). */
function directoryFilters(filters: Omit<PeopleFilters, "page">): DirectoryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null && value !== "")) as DirectoryFilters;
}

/**
 * The HR directory (admins and managers): search and filter the people, open a person's page, invite those
 * without an account, one by one or all those the filters show at once.
 */
export function DirectoryTab() {
  const { t } = useTranslation();
  const url = useUrlState({
    q: urlParam.text(),
    department: urlParam.optionalText(),
    site: urlParam.optionalText(),
    skill: urlParam.optionalText(),
    role: urlParam.choice(ROLES),
    completeness: urlParam.choice(COMPLETENESS_FILTERS),
  });
  const { search, setSearch, q } = useUrlSearch(url);
  const filters = url.values;
  const catalogue = useCatalogue();
  const people = usePeople({ ...filters, q, page: url.page });
  const [inviting, setInviting] = useState<Person | null>(null);

  const columns: DataTableColumn<Person>[] = [
    {
      key: "name",
      header: t("fields.displayName"),
      cell: (person) => (
        <>
          <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500}>
            {fullName(person)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {person.email}
          </Text>
        </>
      ),
    },
    { key: "jobTitle", header: t("fields.jobTitle"), cell: (person) => person.jobTitle, visibleFrom: "md" },
    { key: "department", header: t("fields.department"), cell: (person) => person.department, visibleFrom: "sm" },
    { key: "site", header: t("fields.site"), cell: (person) => person.site, visibleFrom: "lg" },
    { key: "manager", header: t("fields.manager"), cell: (person) => person.managerName, visibleFrom: "xl" },
    { key: "completeness", header: t("people.completeness"), cell: (person) => <CompletenessCell percent={person.profileCompleteness} /> },
    { key: "account", header: t("fields.account"), cell: (person) => <PersonStatus person={person} /> },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (person) =>
        person.isActive &&
        !person.account && (
          <Button
            size="xs"
            variant="light"
            aria-label={t("people.inviteName", { name: fullName(person) })}
            onClick={() => setInviting(person)}
          >
            {t("people.invite")}
          </Button>
        ),
    },
  ];

  return (
    <Stack>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <Select
          label={t("fields.department")}
          placeholder={t("people.allDepartments")}
          data={people.data?.departments ?? []}
          value={filters.department}
          onChange={(department) => url.set({ department })}
          searchable
          clearable
          w={{ base: "100%", sm: 220 }}
        />
        <Select
          label={t("fields.site")}
          placeholder={t("people.allSites")}
          data={people.data?.sites ?? []}
          value={filters.site}
          onChange={(site) => url.set({ site })}
          searchable
          clearable
          w={{ base: "100%", sm: 220 }}
        />
        <Select
          label={t("people.skill")}
          placeholder={t("people.allSkills")}
          data={skillOptions(catalogue.data)}
          value={filters.skill}
          onChange={(skill) => url.set({ skill })}
          searchable
          clearable
          nothingFoundMessage={t("skills.picker.noMatch")}
          w={{ base: "100%", sm: 260 }}
        />
        <RoleFilter value={filters.role} onChange={(role) => url.set({ role })} />
        <CompletenessFilter value={filters.completeness} onChange={(completeness) => url.set({ completeness })} />
      </Group>
      <Group justify="flex-end">
        <BulkInviteButton source={{ kind: "directory", filters: directoryFilters({ ...filters, q }) }} />
      </Group>
      <PagedQueryTable
        label={t("people.tabs.directory")}
        columns={columns}
        rowKey={(person) => person.id}
        query={people}
        paging={{ page: url.page, pageSize: PAGE_SIZE, setPage: url.setPage }}
        empty={{ title: t("people.noPeople") }}
      />
      <InviteModal
        opened={inviting !== null}
        onClose={() => setInviting(null)}
        person={inviting ? { displayName: fullName(inviting), email: inviting.email } : undefined}
      />
    </Stack>
  );
}

/** A small bar and the percentage, or "no profile". */
function CompletenessCell({ percent }: { percent: number | null }) {
  const { t } = useTranslation();
  if (percent === null)
    return (
      <Text size="sm" c="dimmed">
        {t("people.noProfile")}
      </Text>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={percent} w={60} size="sm" color={percent === 100 ? "teal" : "indigo"} aria-hidden />
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {t("completeness.ring", { percent })}
      </Text>
    </Group>
  );
}
