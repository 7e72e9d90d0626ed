import { Box, Container, Group, Text } from "@mantine/core";
import { Outlet } from "react-router";
import { LanguageSwitch } from "../../components/language-switch.tsx";

/** Layout of the pages reachable without an account: login, setup, invitation, not found. */
export function PublicLayout() {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" h={60}>
        <Text fw={700} fz="lg" c="indigo.8">
          Passerelle
        </Text>
        <LanguageSwitch size="xs" />
      </Group>
      <Container component="main" size="sm" py="xl">
        <Outlet />
      </Container>
    </Box>
  );
}
