import { AppShell, Box, Burger, Button, Container, Group, Menu, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { hasAnyRole, useCurrentUser } from "../../features/auth/current-user.ts";
import { useLogout } from "../../features/auth/use-logout.ts";
import { NotificationBell } from "../../features/notifications/notification-bell.tsx";

function useNavItems() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isHr = hasAnyRole(me, ["admin", "manager"]);
  const isParticipant = hasAnyRole(me, ["participant"]);
  return [
    { to: "/", label: t("nav.home"), visible: true },
    { to: "/programmes", label: t("pairs.nav.programmes"), visible: true },
    { to: "/pairs", label: t("pairs.nav.pairs"), visible: isParticipant },
    { to: "/proposals", label: t("pairs.nav.proposals"), visible: isParticipant },
    { to: "/profile", label: t("nav.profile"), visible: isParticipant },
    { to: "/self-assessment", label: t("nav.selfAssessment"), visible: isParticipant },
    { to: "/admin/people", label: t("nav.people"), visible: isHr, isManagement: true },
    { to: "/admin/import", label: t("nav.import"), visible: isHr, isManagement: true },
    { to: "/admin/skills", label: t("nav.skills"), visible: hasAnyRole(me, ["admin"]), isManagement: true },
  ].filter((item) => item.visible);
}

type NavItem = ReturnType<typeof useNavItems>[number];

/** Up to this many entries fit the header from the lg breakpoint; beyond, the management ones share one menu. */
const MAX_HEADER_ENTRIES = 6;

function isActive(pathname: string, to: string): boolean {
  if (to === "/") return pathname === "/";
  // A person's page belongs to the directory.
  return pathname.startsWith(to) || (to === "/admin/people" && pathname.startsWith("/people/"));
}

/** Layout of the logged-in pages: header with navigation, language and user menu; navigation in a drawer on small screens. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const navItems = useNavItems();
  // HR people who also take part have too many entries for one line: their management pages go into
  // one menu and the header needs the xl breakpoint. Below it, the entries move to the drawer rather than wrap.
  const isGrouped = navItems.length > MAX_HEADER_ENTRIES;
  const breakpoint = isGrouped ? "xl" : "lg";
  const headerItems = isGrouped ? navItems.filter((item) => !item.isManagement) : navItems;
  const managementItems = isGrouped ? navItems.filter((item) => item.isManagement) : [];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint, collapsed: { mobile: !opened, desktop: true } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom={breakpoint}
              size="sm"
              aria-label={t(opened ? "nav.closeMenu" : "nav.openMenu")}
            />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg" c="indigo.8">
              Passerelle
            </UnstyledButton>
            <Group component="nav" aria-label={t("nav.label")} gap={4} ml="md" visibleFrom={breakpoint} wrap="nowrap">
              {headerItems.map((item) => (
                <Button
                  key={item.to}
                  component={Link}
                  to={item.to}
                  variant={isActive(pathname, item.to) ? "light" : "subtle"}
                  aria-current={isActive(pathname, item.to) ? "page" : undefined}
                >
                  {item.label}
                </Button>
              ))}
              {managementItems.length > 0 && <ManagementMenu items={managementItems} pathname={pathname} />}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch size="xs" />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md">
        {/* Rendered only while open: the collapsed navbar is moved off-screen, not hidden, and would duplicate the header links. */}
        {opened && (
          <Box component="nav" aria-label={t("nav.label")}>
            {navItems.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={isActive(pathname, item.to)}
                onClick={close}
              />
            ))}
          </Box>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** The management pages (directory, import, skills) under one header entry. */
function ManagementMenu({ items, pathname }: { items: NavItem[]; pathname: string }) {
  const { t } = useTranslation();
  const isCurrent = items.some((item) => isActive(pathname, item.to));
  return (
    <Menu position="bottom-start" width={240}>
      <Menu.Target>
        <Button variant={isCurrent ? "light" : "subtle"} rightSection={<span aria-hidden="true">▾</span>}>
          {t("pairs.nav.management")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            aria-current={isActive(pathname, item.to) ? "page" : undefined}
            fw={isActive(pathname, item.to) ? 600 : undefined}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="default" size="sm" maw={{ base: 120, sm: 240 }}>
          <Text size="sm" truncate>
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t("nav.account")}
        </Menu.Item>
        <Menu.Item onClick={() => logout.mutate()}>{t("nav.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
