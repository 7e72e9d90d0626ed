import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "1–25 of 240" and the page buttons, with labelled controls. */
export function TablePagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <Group component="nav" aria-label={t("pagination.label")} justify="space-between">
      <Text size="sm" c="dimmed">
        {t("pagination.range", { first, last: Math.min(page * pageSize, total), total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          getItemProps={(item) => ({ "aria-label": t("pagination.page", { page: item }) })}
          getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        />
      )}
    </Group>
  );
}
