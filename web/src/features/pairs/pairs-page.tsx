import { Avatar, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Pair } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { personName } from "../../lib/person-name.ts";
import { nextStepHint, PairStateBadge } from "./pair-status.tsx";
import { OPEN_STATES, partnerOf, useMyPairs } from "./queries.ts";

/** My pairs, in every programme: the current ones first (intro, active) with what comes next, then the past ones. */
export function PairsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("pairs.list.title")} · Passerelle`);
  const pairs = useMyPairs();
  const items = [...(pairs.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const current = items.filter((pair) => OPEN_STATES.includes(pair.state));
  const past = items.filter((pair) => !OPEN_STATES.includes(pair.state));

  return (
    <Stack gap="lg">
      <Title order={1}>{t("pairs.list.title")}</Title>
      <ErrorAlert error={pairs.error} />
      {pairs.isPending && <PageLoader />}
      {pairs.data && items.length === 0 && <NoPairs />}
      {current.length > 0 && <PairGroup id="pairs-current" title={t("pairs.list.current")} pairs={current} />}
      {past.length > 0 && <PairGroup id="pairs-past" title={t("pairs.list.past")} pairs={past} />}
    </Stack>
  );
}

function NoPairs() {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <EmptyState>
        <EmptyState.Title order={2}>{t("pairs.list.emptyTitle")}</EmptyState.Title>
        <EmptyState.Description>{t("pairs.list.emptyText")}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/programmes">
            {t("pairs.list.toProgrammes")}
          </Button>
          <Button component={Link} to="/proposals" variant="light">
            {t("pairs.list.toProposals")}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}

function PairGroup({ id, title, pairs }: { id: string; title: string; pairs: Pair[] }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {pairs.map((pair) => (
          <PairCard key={pair.id} pair={pair} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function PairCard({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const partner = partnerOf(pair);
  const name = personName(partner);
  const titleId = `pair-${pair.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Avatar name={name} color="initials" aria-hidden />
            <div>
              <Title order={3} size="h4" id={titleId}>
                {name}
              </Title>
              <Text size="sm" c="dimmed">
                {[t(`pairs.partnerRole.${pair.myRole}`), partner.department].filter(Boolean).join(" · ")}
              </Text>
            </div>
          </Group>
          <PairStateBadge state={pair.state} style={{ flexShrink: 0 }} />
        </Group>
        <Text size="sm">{t("pairs.list.programme", { name: pair.programme.name })}</Text>
        <Text size="sm" fw={500} style={{ flexGrow: 1 }}>
          {nextStepHint(pair, t)}
        </Text>
        <Group justify="flex-end">
          <Button component={Link} to={`/pairs/${pair.id}`} variant="light" aria-label={t("pairs.list.openWith", { name })}>
            {t("pairs.list.open")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
