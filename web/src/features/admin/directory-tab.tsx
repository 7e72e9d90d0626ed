import { Anchor, Button, Group, Progress, ScrollArea, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ROLES } from "../../../../contracts/accounts.ts";
import type { Person } from "../../../../contracts/people.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { PersonStatus } from "../../components/status-badge.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { InviteModal } from "../invitations/invite-modal.tsx";
import { skillOptions, useCatalogue } from "../skills/catalogue.ts";
import { PAGE_SIZE, usePeople } from "./queries.ts";

const COMPLETENESS_FILTERS = ["complete", "incomplete", "none"] as const;

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
        <ChoiceFilter
          label={t("fields.role")}
          placeholder={t("people.allRoles")}
          values={ROLES}
          optionLabel={(role) => t(`roles.${role}`)}
          value={filters.role}
          onChange={(role) => url.set({ role })}
        />
        <ChoiceFilter
          label={t("people.completeness")}
          placeholder={t("people.anyCompleteness")}
          values={COMPLETENESS_FILTERS}
          optionLabel={(value) => t(`people.completenessFilter.${value}`)}
          value={filters.completeness}
          onChange={(completeness) => url.set({ completeness })}
        />
      </Group>
      <ErrorAlert error={people.error} />
      <ScrollArea type="auto">
        <Table aria-label={t("people.tabs.directory")} striped highlightOnHover miw={980} opacity={people.isPlaceholderData ? 0.6 : 1}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.displayName")}</Table.Th>
              <Table.Th>{t("fields.jobTitle")}</Table.Th>
              <Table.Th>{t("fields.department")}</Table.Th>
              <Table.Th>{t("fields.site")}</Table.Th>
              <Table.Th>{t("fields.manager")}</Table.Th>
              <Table.Th>{t("people.completeness")}</Table.Th>
              <Table.Th>{t("fields.account")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.data?.items.map((person) => {
              const name = `${person.firstName} ${person.lastName}`;
              return (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500}>
                      {name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {person.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{person.jobTitle}</Table.Td>
                  <Table.Td>{person.department}</Table.Td>
                  <Table.Td>{person.site}</Table.Td>
                  <Table.Td>{person.managerName}</Table.Td>
                  <Table.Td>
                    <CompletenessCell percent={person.profileCompleteness} />
                  </Table.Td>
                  <Table.Td>
                    <PersonStatus person={person} />
                  </Table.Td>
                  <Table.Td>
                    {person.isActive && !person.account && (
                      <Button size="xs" variant="light" aria-label={t("people.inviteName", { name })} onClick={() => setInviting(person)}>
                        {t("people.invite")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {people.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" ta="center" py="md">
                    {t("people.noPeople")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {people.data && <TablePagination page={url.page} pageSize={PAGE_SIZE} total={people.data.total} onChange={url.setPage} />}
      <InviteModal
        opened={inviting !== null}
        onClose={() => setInviting(null)}
        person={inviting ? { displayName: `${inviting.firstName} ${inviting.lastName}`, email: inviting.email } : undefined}
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
