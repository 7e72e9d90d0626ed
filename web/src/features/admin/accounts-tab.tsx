import { Button, Group, Menu, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account } from "../../../../contracts/accounts.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { RoleBadges, StatusBadge } from "../../components/status-badge.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { type InvitationLink, InvitationLinkModal } from "../invitations/invitation-link.tsx";
import { EditRolesModal } from "./edit-roles-modal.tsx";
import { PAGE_SIZE, useAccounts } from "./queries.ts";

const ROLE_FILTERS = ["admin", "manager", "participant"] as const;
const STATUS_FILTERS = ["invited", "active", "disabled"] as const;

export function AccountsTab() {
  const { t } = useTranslation();
  const url = useUrlState({ q: urlParam.text(), role: urlParam.choice(ROLE_FILTERS), status: urlParam.choice(STATUS_FILTERS) });
  const { search, setSearch, q } = useUrlSearch(url);
  const filters = url.values;
  const accounts = useAccounts({ ...filters, q, page: url.page });
  const [editing, setEditing] = useState<Account | null>(null);
  const [invitation, setInvitation] = useState<InvitationLink | null>(null);

  return (
    <Stack>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <ChoiceFilter
          label={t("fields.role")}
          placeholder={t("people.allRoles")}
          values={ROLE_FILTERS}
          optionLabel={(role) => t(`roles.${role}`)}
          value={filters.role}
          onChange={(role) => url.set({ role })}
        />
        <ChoiceFilter
          label={t("fields.status")}
          placeholder={t("people.allStatuses")}
          values={STATUS_FILTERS}
          optionLabel={(status) => t(`status.${status}`)}
          value={filters.status}
          onChange={(status) => url.set({ status })}
        />
      </Group>
      <ErrorAlert error={accounts.error} />
      <ScrollArea type="auto">
        <Table aria-label={t("people.tabs.accounts")} striped highlightOnHover miw={760} opacity={accounts.isPlaceholderData ? 0.6 : 1}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.displayName")}</Table.Th>
              <Table.Th>{t("fields.email")}</Table.Th>
              <Table.Th>{t("fields.roles")}</Table.Th>
              <Table.Th>{t("fields.status")}</Table.Th>
              <Table.Th>{t("people.lastLogin")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data?.items.map((account) => (
              <Table.Tr key={account.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {account.displayName}
                  </Text>
                  {account.jobTitle && (
                    <Text size="xs" c="dimmed">
                      {account.jobTitle}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{account.email}</Table.Td>
                <Table.Td>
                  <RoleBadges roles={account.roles} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={account.status} />
                </Table.Td>
                <Table.Td>{account.lastLoginAt ? formatDateTime(account.lastLoginAt) : t("people.never")}</Table.Td>
                <Table.Td>
                  <AccountActions account={account} onEditRoles={() => setEditing(account)} onInvitation={setInvitation} />
                </Table.Td>
              </Table.Tr>
            ))}
            {accounts.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center" py="md">
                    {t("people.noAccounts")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {accounts.data && <TablePagination page={url.page} pageSize={PAGE_SIZE} total={accounts.data.total} onChange={url.setPage} />}
      <EditRolesModal account={editing} onClose={() => setEditing(null)} />
      <InvitationLinkModal invitation={invitation} onClose={() => setInvitation(null)} />
    </Stack>
  );
}

function AccountActions({
  account,
  onEditRoles,
  onInvitation,
}: {
  account: Account;
  onEditRoles: () => void;
  onInvitation: (invitation: InvitationLink) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = (error: unknown) => notifications.show({ color: "red", message: errorMessage(error) });
  const setStatus = useMutation({
    mutationFn: (status: "active" | "disabled") => api.patch<Account>(`/api/admin/accounts/${account.id}`, { status }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ["accounts"] });
      void queryClient.invalidateQueries({ queryKey: ["overview"] });
      notifications.show({
        color: "green",
        message: t(updated.status === "disabled" ? "people.disabled" : "people.enabled", { name: updated.displayName }),
      });
    },
    onError,
  });
  const newLink = useMutation({
    mutationFn: () => api.post<InvitationLink>(`/api/admin/accounts/${account.id}/invitation`),
    onSuccess: onInvitation,
    onError,
  });

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          aria-label={t("people.actionsFor", { name: account.displayName })}
          loading={setStatus.isPending || newLink.isPending}
        >
          {t("common.actions")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEditRoles}>{t("people.editRoles")}</Menu.Item>
        {account.status === "invited" && <Menu.Item onClick={() => newLink.mutate()}>{t("people.newInvitationLink")}</Menu.Item>}
        {account.status === "disabled" ? (
          <Menu.Item onClick={() => setStatus.mutate("active")}>{t("people.enable")}</Menu.Item>
        ) : (
          <Menu.Item color="red" onClick={() => setStatus.mutate("disabled")}>
            {t("people.disable")}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
