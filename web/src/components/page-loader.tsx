import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A centred loader while a page's data arrives. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}
