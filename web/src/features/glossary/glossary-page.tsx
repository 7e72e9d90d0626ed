import { Badge, Button, Group, Loader, Select, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GlossaryTerm } from "../../../../contracts/glossary.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { hasAnyRole, useCurrentUser } from "../auth/index.ts";
import { skillOptions, useCatalogue } from "../skills/index.ts";
import { useGlossary } from "./queries.ts";
import { TermActions } from "./term-actions.tsx";
import { TermCard } from "./term-card.tsx";
import { TermFormModal } from "./term-form-modal.tsx";

const TABS = ["approved", "proposed"] as const;

/**
 * The organisation's glossary: search (accents and case ignored, both languages) and a skill filter
 * over the published terms; "Propose a term" for everyone. The second tab holds the terms waiting for
 * review: all of them for managers, who approve, reject or edit them; one's own proposals for others.
 */
export function GlossaryPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("glossary.title")} · Passerelle`);
  const me = useCurrentUser();
  const isManager = hasAnyRole(me, ["admin", "manager"]);
  const url = useUrlState({ q: urlParam.text(), skill: urlParam.text(), status: urlParam.choice(TABS, "approved") });
  const { search, setSearch, q } = useUrlSearch(url);
  const { skill, status } = url.values;
  const catalogue = useCatalogue();
  const terms = useGlossary({ q, skill, status });
  const [editing, setEditing] = useState<{ term?: GlossaryTerm } | null>(null);
  const items = terms.data?.items;
  const proposedCount = terms.data?.proposedCount;
  const emptyKey = status === "approved" ? "approved" : isManager ? "proposed" : "mine";

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("glossary.title")}</Title>
        <Button onClick={() => setEditing({})}>{t("glossary.propose")}</Button>
      </Group>
      <Text>{t("glossary.intro")}</Text>
      <Tabs value={status} onChange={(value) => url.set({ status: value === "proposed" ? "proposed" : "approved" })}>
        <Tabs.List>
          <Tabs.Tab value="approved">{t("glossary.tabs.approved")}</Tabs.Tab>
          <Tabs.Tab
            value="proposed"
            rightSection={
              isManager && proposedCount ? (
                <Badge size="sm" circle color="yellow">
                  {proposedCount}
                </Badge>
              ) : null
            }
          >
            {t(isManager ? "glossary.tabs.proposed" : "glossary.tabs.mine")}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group align="flex-end">
        <SearchField value={search} onChange={setSearch} />
        <Select
          label={t("glossary.skill")}
          placeholder={t("glossary.allSkills")}
          data={skillOptions(catalogue.data)}
          value={skill || null}
          onChange={(value) => url.set({ skill: value ?? "" })}
          searchable
          clearable
          w={{ base: "100%", sm: 280 }}
        />
        {terms.isFetching && <Loader size="sm" mb={8} />}
      </Group>
      <ErrorAlert error={terms.error} />
      {items && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {items.length ? t("glossary.count", { count: items.length }) : t(`glossary.empty.${emptyKey}`)}
        </Text>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("glossary.listLabel")}>
        {items?.map((term) => (
          <li key={term.id}>
            <TermCard term={term} actions={isManager ? <TermActions term={term} onEdit={() => setEditing({ term })} /> : undefined} />
          </li>
        ))}
      </Stack>
      <TermFormModal opened={editing !== null} term={editing?.term} onClose={() => setEditing(null)} />
    </Stack>
  );
}
