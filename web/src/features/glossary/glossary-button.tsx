import { Anchor, Button, Drawer, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useGlossary } from "./queries.ts";
import { TermCard } from "./term-card.tsx";

/** The search and its results, in the drawer. */
function GlossarySearch() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const terms = useGlossary({ q });
  const items = terms.data?.items;
  return (
    <Stack>
      <TextInput
        label={t("glossary.search")}
        description={t("glossary.searchHint")}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        rightSection={terms.isFetching ? <Loader size="xs" /> : null}
        data-autofocus
      />
      <ErrorAlert error={terms.error} />
      {items && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {items.length ? t("glossary.count", { count: items.length }) : t("glossary.empty.approved")}
        </Text>
      )}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("glossary.listLabel")}>
        {items?.map((term) => (
          <li key={term.id}>
            <TermCard term={term} compact />
          </li>
        ))}
      </Stack>
      <Anchor component={Link} to="/glossary" size="sm">
        {t("glossary.openPage")}
      </Anchor>
    </Stack>
  );
}

/** The glossary at hand: a "Glossary" button that opens a drawer with its search, on the pair's workspace. */
export function GlossaryButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" onClick={open} aria-haspopup="dialog">
        {t("glossary.button")}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={t("glossary.drawerTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <GlossarySearch />
      </Drawer>
    </>
  );
}
