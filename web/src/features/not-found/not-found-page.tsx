import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("notFound.title")} · Passerelle`);
  return (
    <Stack align="center" ta="center" py="xl">
      <Title order={1}>{t("notFound.title")}</Title>
      <Text>{t("notFound.message")}</Text>
      <Anchor component={Link} to="/">
        {t("notFound.home")}
      </Anchor>
    </Stack>
  );
}
