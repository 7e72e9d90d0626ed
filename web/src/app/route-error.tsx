import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/**
 * Browsers word a failed `import()` differently (Chrome "Failed to fetch dynamically imported module",
 * Firefox "error loading dynamically imported module", Safari "Importing a module script failed").
 */
const FAILED_IMPORT = /dynamically imported module|module script failed/i;

/**
 * What a route shows when it fails to load or render. After a release, a page opened before it asks for
 * chunks that no longer exist: reloading fetches the new ones.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const isStale = error instanceof Error && FAILED_IMPORT.test(error.message);
  return (
    <Stack align="center" ta="center" py="xl" px="md">
      <Title order={1}>{t("errors.title")}</Title>
      <Text>{t(isStale ? "errors.newVersion" : "errors.unexpected")}</Text>
      <Button onClick={() => window.location.reload()}>{t("errors.reload")}</Button>
    </Stack>
  );
}
