import { Button, Group, Tabs, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { useCurrentUser } from "../auth/index.ts";
import { InviteModal } from "../invitations/index.ts";
import { AccountsTab } from "./accounts-tab.tsx";
import { DirectoryTab } from "./directory-tab.tsx";

const TABS = ["accounts", "directory"] as const;

/** "People and accounts": the accounts (admin only) and the HR directory (admin and manager). */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("people.title")} · Passerelle`);
  const isAdmin = useCurrentUser().roles.includes("admin");
  const url = useUrlState({ tab: urlParam.choice(TABS, "accounts") });
  // Managers see the directory only.
  const tab = isAdmin ? url.values.tab : "directory";
  const [inviting, invite] = useDisclosure();

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t("people.title")}</Title>
        <Button onClick={invite.open}>{t("people.invite")}</Button>
      </Group>
      <Tabs
        value={tab}
        // Each tab's filters and page start afresh.
        onChange={(value) => url.set({ tab: value === "directory" ? "directory" : "accounts" }, { clearOthers: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {isAdmin && <Tabs.Tab value="accounts">{t("people.tabs.accounts")}</Tabs.Tab>}
          <Tabs.Tab value="directory">{t("people.tabs.directory")}</Tabs.Tab>
        </Tabs.List>
        {isAdmin && (
          <Tabs.Panel value="accounts">
            <AccountsTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="directory">
          <DirectoryTab />
        </Tabs.Panel>
      </Tabs>
      <InviteModal opened={inviting} onClose={invite.close} />
    </>
  );
}
