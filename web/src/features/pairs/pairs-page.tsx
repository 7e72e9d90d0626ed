import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Pair } from "../../../../contracts/pairs.ts";
import { DataTable, type DataTableColumn, type DataTableEmpty, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { formatDate } from "../../lib/dates.ts";
import { personName } from "../../lib/person-name.ts";
import { isOpenPair, nextStepHint, PairStateBadge, partnerOf } from "./pair-status.tsx";
import { useMyPairs } from "./queries.ts";

/** My pairs, in every programme: the current ones (intro, active) with what comes next, then the past ones. */
export function PairsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("pairs.list.title")} · Passerelle`);
  const pairs = useMyPairs();
  const items = pairs.data?.items;
  const past = items?.filter((pair) => !isOpenPair(pair)) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t("pairs.list.title")}</Title>
      <ErrorAlert error={pairs.error} />
      <PairTable
        id="pairs-current"
        title={t("pairs.list.current")}
        pairs={items?.filter(isOpenPair)}
        loading={pairs.isFetching}
        empty={
          items?.length === 0
            ? {
                title: t("pairs.list.emptyTitle"),
                description: t("pairs.list.emptyText"),
                action: (
                  <Group justify="center">
                    <Button component={Link} to="/programmes">
                      {t("pairs.list.toProgrammes")}
                    </Button>
                    <Button component={Link} to="/proposals" variant="light">
                      {t("pairs.list.toProposals")}
                    </Button>
                  </Group>
                ),
              }
            : { title: t("pairs.list.noCurrent") }
        }
      />
      {past.length > 0 && <PairTable id="pairs-past" title={t("pairs.list.past")} pairs={past} />}
    </Stack>
  );
}

function PairTable({
  id,
  title,
  pairs,
  loading,
  empty,
}: {
  id: string;
  title: string;
  pairs: Pair[] | undefined;
  loading?: boolean;
  empty?: DataTableEmpty;
}) {
  const { t } = useTranslation();
  // The newest first until the person sorts otherwise.
  const sorted = useClientSort(
    pairs,
    { partner: (pair) => personName(partnerOf(pair)), programme: (pair) => pair.programme.name, since: (pair) => pair.createdAt },
    { key: "since", direction: "desc" },
  );
  const columns: DataTableColumn<Pair>[] = [
    { key: "partner", header: t("pairs.list.columns.partner"), sortKey: "partner", cell: (pair) => <Partner pair={pair} /> },
    {
      key: "programme",
      header: t("pairs.list.columns.programme"),
      sortKey: "programme",
      cell: (pair) => pair.programme.name,
      visibleFrom: "md",
    },
    { key: "state", header: t("pairs.list.columns.state"), cell: (pair) => <PairStateBadge state={pair.state} /> },
    { key: "next", header: t("pairs.list.columns.next"), cell: (pair) => <Text size="sm">{nextStepHint(pair, t)}</Text>, width: "35%" },
    {
      key: "since",
      header: t("pairs.list.columns.since"),
      sortKey: "since",
      firstDirection: "desc",
      cell: (pair) => formatDate(pair.createdAt, "numeric"),
      visibleFrom: "lg",
    },
    {
      key: "open",
      header: t("common.actions"),
      align: "right",
      cell: (pair) => (
        <Button
          component={Link}
          to={`/pairs/${pair.id}`}
          variant="light"
          size="xs"
          aria-label={t("pairs.list.openWith", { name: personName(partnerOf(pair)) })}
        >
          {t("pairs.list.open")}
        </Button>
      ),
    },
  ];
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <DataTable label={title} columns={columns} rowKey={(pair) => pair.id} loading={loading} empty={empty} {...sorted} />
    </Stack>
  );
}

/** My partner: name, and whether they are my mentor or my mentee. */
function Partner({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  const partner = partnerOf(pair);
  const detail = [t(`pairs.partnerRole.${pair.myRole}`), partner.department].filter(Boolean).join(" · ");
  return <PersonCell name={personName(partner)} detail={detail} withAvatar />;
}
