import { Button, Group, Menu, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACCOUNT_STATUSES, type Account, ROLES } from "../../../../contracts/accounts.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import type { DataTableColumn } from "../../components/data-table.tsx";
import { PagedQueryTable } from "../../components/paged-query-table.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { RoleBadges, StatusBadge } from "../../components/status-badge.tsx";
import { formatDateTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { type InvitationLink, InvitationLinkModal } from "../invitations/index.ts";
import { EditRolesModal } from "./edit-roles-modal.tsx";
import { RoleFilter } from "./people-filters.tsx";
import { PAGE_SIZE, useAccounts, useNewInvitationLink, useUpdateAccount } from "./queries.ts";

/** The accounts (admins only): search, filter by role and status, change roles, disable, send an invitation again. */
export function AccountsTab() {
  const { t } = useTranslation();
  const url = useUrlState({ q: urlParam.text(), role: urlParam.choice(ROLES), status: urlParam.choice(ACCOUNT_STATUSES) });
  const { search, setSearch, q } = useUrlSearch(url);
  const filters = url.values;
  const accounts = useAccounts({ ...filters, q, page: url.page });
  const [editing, setEditing] = useState<Account | null>(null);
  const [disabling, setDisabling] = useState<Account | null>(null);
  const [invitation, setInvitation] = useState<InvitationLink | null>(null);

  const columns: DataTableColumn<Account>[] = [
    {
      key: "name",
      header: t("fields.displayName"),
      cell: (account) => <PersonCell name={account.displayName} detail={account.jobTitle} />,
    },
    { key: "email", header: t("fields.email"), cell: (account) => account.email, visibleFrom: "sm" },
    { key: "roles", header: t("fields.roles"), cell: (account) => <RoleBadges roles={account.roles} /> },
    { key: "status", header: t("fields.status"), cell: (account) => <StatusBadge status={account.status} /> },
    {
      key: "lastLogin",
      header: t("people.lastLogin"),
      cell: (account) => (account.lastLoginAt ? formatDateTime(account.lastLoginAt) : t("people.never")),
      visibleFrom: "md",
    },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (account) => (
        <AccountActions
          account={account}
          onEditRoles={() => setEditing(account)}
          onDisable={() => setDisabling(account)}
          onInvitation={setInvitation}
        />
      ),
    },
  ];

  return (
    <Stack>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <RoleFilter value={filters.role} onChange={(role) => url.set({ role })} />
        <ChoiceFilter
          label={t("fields.status")}
          placeholder={t("people.allStatuses")}
          values={ACCOUNT_STATUSES}
          optionLabel={(status) => t(`status.${status}`)}
          value={filters.status}
          onChange={(status) => url.set({ status })}
        />
      </Group>
      <PagedQueryTable
        label={t("people.tabs.accounts")}
        columns={columns}
        rowKey={(account) => account.id}
        query={accounts}
        paging={{ page: url.page, pageSize: PAGE_SIZE, setPage: url.setPage }}
        empty={{ title: t("people.noAccounts") }}
      />
      <EditRolesModal account={editing} onClose={() => setEditing(null)} />
      <DisableAccountDialog account={disabling} onClose={() => setDisabling(null)} />
      <InvitationLinkModal invitation={invitation} onClose={() => setInvitation(null)} />
    </Stack>
  );
}

function AccountActions({
  account,
  onEditRoles,
  onDisable,
  onInvitation,
}: {
  account: Account;
  onEditRoles: () => void;
  onDisable: () => void;
  onInvitation: (invitation: InvitationLink) => void;
}) {
  const { t } = useTranslation();
  const onError = (error: unknown) => notifications.show({ color: "red", message: errorMessage(error) });
  const update = useUpdateAccount();
  const newLink = useNewInvitationLink();
  const enable = () =>
    update.mutate(
      { id: account.id, status: "active" },
      {
        onSuccess: (updated) => notifications.show({ color: "green", message: t("people.enabled", { name: updated.displayName }) }),
        onError,
      },
    );

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          aria-label={t("people.actionsFor", { name: account.displayName })}
          loading={update.isPending || newLink.isPending}
        >
          {t("common.actions")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEditRoles}>{t("people.editRoles")}</Menu.Item>
        {account.status === "invited" && (
          <Menu.Item onClick={() => newLink.mutate(account.id, { onSuccess: onInvitation, onError })}>{t("invitations.resend")}</Menu.Item>
        )}
        {account.status === "disabled" ? (
          <Menu.Item onClick={enable}>{t("people.enable")}</Menu.Item>
        ) : (
          <Menu.Item color="red" onClick={onDisable}>
            {t("people.disable")}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Disabling ends the person's sessions and keeps them out: confirmed first. */
function DisableAccountDialog({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const name = account?.displayName ?? "";
  return (
    <ConfirmWithReasonDialog
      opened={account !== null}
      onClose={() => {
        update.reset();
        onClose();
      }}
      title={t("people.disableTitle", { name })}
      text={t("people.disableText", { name })}
      confirmLabel={t("people.disable")}
      loading={update.isPending}
      error={update.error}
      onConfirm={() => {
        if (!account) return;
        update.mutate(
          { id: account.id, status: "disabled" },
          {
            onSuccess: (updated) => {
              notifications.show({ color: "green", message: t("people.disabled", { name: updated.displayName }) });
              onClose();
            },
          },
        );
      }}
    />
  );
}
