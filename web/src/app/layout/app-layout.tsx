import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Container,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
  useMatches,
} from "@mantine/core";
import { useDisclosure, useHotkeys } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import type { Me } from "../../../../contracts/accounts.ts";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { hasAnyRole, useCurrentUser, useLogout } from "../../features/auth/index.ts";
import { NotificationBell } from "../../features/notifications/index.ts";

/** An entry of the main navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/** The navigation's groups: everyone's and participants' pages first, then the management pages under their own heading. */
export interface NavGroups {
  main: NavItem[];
  management: NavItem[];
}

/**
 * The entries a user's roles give: everyone the glossary; participants get their pairs, proposals, profile and
 * self-assessment; managers and admins the directory and the HR import; admins the skills catalogue and the emails.
 * An HR manager who also takes part gets both groups.
 */
export function navGroups(me: Me, t: (key: string) => string): NavGroups {
  const isParticipant = hasAnyRole(me, ["participant"]);
  const isHr = hasAnyRole(me, ["admin", "manager"]);
  const main: NavItem[] = [
    { to: "/", label: t("nav.home") },
    { to: "/programmes", label: t("pairs.nav.programmes") },
  ];
  if (isParticipant) {
    main.push(
      { to: "/pairs", label: t("pairs.nav.pairs") },
      { to: "/proposals", label: t("pairs.nav.proposals") },
      { to: "/profile", label: t("nav.profile") },
      { to: "/self-assessment", label: t("nav.selfAssessment") },
    );
  }
  main.push({ to: "/glossary", label: t("glossary.nav") });
  const management: NavItem[] = [];
  if (isHr) management.push({ to: "/admin/people", label: t("nav.people") }, { to: "/admin/import", label: t("nav.import") });
  if (hasAnyRole(me, ["admin"]))
    management.push({ to: "/admin/skills", label: t("nav.skills") }, { to: "/admin/mail", label: t("outbox.title") });
  return { main, management };
}

function isActive(pathname: string, to: string): boolean {
  if (to === "/") return pathname === "/";
  // A person's page belongs to the directory.
  return pathname.startsWith(to) || (to === "/admin/people" && pathname.startsWith("/people/"));
}

/** From this breakpoint (62em, 992 px) the navigation is a sidebar that stays open; below, a drawer behind the burger. */
const SIDEBAR_FROM = "md";

/**
 * Layout of the logged-in pages: a header (burger on small screens, name, notifications, language, user
 * menu) and the main navigation as a sidebar, which stays visible from 992 px whatever the number of
 * entries a user's roles give; on smaller screens it opens as a drawer.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  // The drawer closes with Escape, as dialogs do.
  useHotkeys([["Escape", close]]);
  const { pathname } = useLocation();
  const { main, management } = navGroups(me, t);
  // The collapsed drawer is moved off-screen, not removed: inert keeps its links out of the Tab order and of screen readers.
  const isDrawer = useMatches({ base: true, [SIDEBAR_FROM]: false }, { getInitialValueInEffect: false });

  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      active={isActive(pathname, item.to)}
      aria-current={isActive(pathname, item.to) ? "page" : undefined}
      onClick={close}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: { base: 260, [SIDEBAR_FROM]: 200, lg: 220 }, breakpoint: SIDEBAR_FROM, collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: "xs", sm: "md" }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom={SIDEBAR_FROM}
              size="sm"
              aria-label={t(opened ? "nav.closeMenu" : "nav.openMenu")}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg" c="indigo.8">
              Passerelle
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch size="xs" visibleFrom="sm" />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label={t("nav.label")} p="xs" inert={isDrawer && !opened}>
        <AppShell.Section grow component={ScrollArea}>
          {main.map(link)}
          {management.length > 0 && (
            <>
              <Text id="nav-management" size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                {t("nav.management")}
              </Text>
              <Box role="group" aria-labelledby="nav-management">
                {management.map(link)}
              </Box>
            </>
          )}
        </AppShell.Section>
        {/* On phones the header has no room for the language switch. */}
        <AppShell.Section hiddenFrom="sm" pt="sm">
          <LanguageSwitch size="xs" fullWidth />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** The user's initials, for the menu button on phones. */
function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

/** The user menu: the name on wide screens, the initials on phones; the button is named after the user either way. */
function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="default" size="sm" px={{ base: 6, sm: "md" }} maw={{ base: 48, sm: 240 }} aria-label={me.displayName}>
          <Avatar size={26} color="indigo" hiddenFrom="sm" aria-hidden>
            {initials(me.displayName)}
          </Avatar>
          <Text size="sm" truncate visibleFrom="sm">
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t("nav.account")}
        </Menu.Item>
        <Menu.Item onClick={() => logout.mutate()}>{t("nav.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
