import { AppShell, Box, Burger, Button, Container, Group, Menu, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { hasAnyRole, useCurrentUser } from "../../features/auth/current-user.ts";
import { useLogout } from "../../features/auth/use-logout.ts";

function useNavItems() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isHr = hasAnyRole(me, ["admin", "manager"]);
  const isParticipant = hasAnyRole(me, ["participant"]);
  return [
    { to: "/", label: t("nav.home"), visible: true },
    { to: "/profile", label: t("nav.profile"), visible: isParticipant },
    { to: "/self-assessment", label: t("nav.selfAssessment"), visible: isParticipant },
    { to: "/admin/people", label: t("nav.people"), visible: isHr },
    { to: "/admin/import", label: t("nav.import"), visible: isHr },
    { to: "/admin/skills", label: t("nav.skills"), visible: hasAnyRole(me, ["admin"]) },
  ].filter((item) => item.visible);
}

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

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: "lg", collapsed: { mobile: !opened, desktop: true } }} padding="md">
      <AppShell.Header>
        {/* Up to six entries: below the lg breakpoint they move to the drawer rather than wrap. */}
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t(opened ? "nav.closeMenu" : "nav.openMenu")} />
            <UnstyledButton component={Link} to="/" fw={700} fz="lg" c="indigo.8">
              Passerelle
            </UnstyledButton>
            <Group component="nav" aria-label={t("nav.label")} gap={4} ml="md" visibleFrom="lg" wrap="nowrap">
              {navItems.map((item) => (
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
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
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
