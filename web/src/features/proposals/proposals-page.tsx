import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useDisclosure, useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type Proposal, REASON_MAX_LENGTH } from "../../../../contracts/pairs.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { DataTable, type DataTableColumn, useClientSort } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PersonCell } from "../../components/person-cell.tsx";
import { formatDate, relativeTime } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { useAcceptProposal, useDeclineProposal, useMyProposals, useWithdrawProposal } from "./queries.ts";

const TABS = ["received", "sent"] as const;
type Tab = (typeof TABS)[number];

const STATUS_COLORS: Record<Proposal["status"], string> = {
  open: "blue",
  accepted: "green",
  declined: "red",
  withdrawn: "gray",
  expired: "gray",
};

/** Open ones first (the soonest to expire on top), then the decided ones, the latest first. */
function ordered(proposals: Proposal[]): Proposal[] {
  const open = proposals.filter((p) => p.status === "open").sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const decided = proposals
    .filter((p) => p.status !== "open")
    .sort((a, b) => (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt));
  return [...open, ...decided];
}

/** The other person of a proposal: the mentee who sent it to me, or the mentor I sent it to. */
const otherOf = (proposal: Proposal) => (proposal.direction === "received" ? proposal.mentee : proposal.mentor);

/** Proposals I received as a mentor (accept or decline) and those I sent as a mentee (follow, withdraw). */
export function ProposalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("proposals.title")} · Passerelle`);
  const proposals = useMyProposals();
  const url = useUrlState({ tab: urlParam.choice(TABS) });
  const items = proposals.data?.items;
  const received = items && ordered(items.filter((p) => p.direction === "received"));
  const sent = items && ordered(items.filter((p) => p.direction === "sent"));
  // Without a tab in the address: the proposals received, unless there are only sent ones.
  const tab: Tab = url.values.tab ?? (received?.length === 0 && sent && sent.length > 0 ? "sent" : "received");
  const openCount = (list: Proposal[] | undefined) => list?.filter((p) => p.status === "open").length ?? 0;

  return (
    <Stack gap="lg">
      <Title order={1}>{t("proposals.title")}</Title>
      <Text>{t("proposals.intro")}</Text>
      <ErrorAlert error={proposals.error} />
      <Tabs value={tab} onChange={(value) => url.set({ tab: value === "sent" ? "sent" : "received" })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="received" rightSection={<CountBadge count={openCount(received)} />}>
            {t("proposals.tabs.received")}
          </Tabs.Tab>
          <Tabs.Tab value="sent" rightSection={<CountBadge count={openCount(sent)} />}>
            {t("proposals.tabs.sent")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="received">
          <ProposalTable direction="received" proposals={received} loading={proposals.isFetching} />
        </Tabs.Panel>
        <Tabs.Panel value="sent">
          <ProposalTable direction="sent" proposals={sent} loading={proposals.isFetching} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CountBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Badge size="sm" circle aria-label={t("proposals.tabs.open", { count })}>
      {count}
    </Badge>
  );
}

export function ProposalStatusBadge({ status }: { status: Proposal["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`proposals.statuses.${status}`)}
    </Badge>
  );
}

function ProposalTable({ direction, proposals, loading }: { direction: Tab; proposals: Proposal[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const sorted = useClientSort(proposals, {
    person: (p) => personName(otherOf(p)),
    programme: (p) => p.programme.name,
    sentOn: (p) => p.createdAt,
  });
  // Once a proposal is accepted, the mentee has their mentor in that programme: no need to look for another.
  const pairedIn = new Set(proposals?.filter((p) => p.status === "accepted").map((p) => p.programme.id));
  const columns: DataTableColumn<Proposal>[] = [
    {
      key: "person",
      header: t(direction === "received" ? "proposals.columns.from" : "proposals.columns.to"),
      sortKey: "person",
      cell: (p) => <Person proposal={p} />,
    },
    { key: "programme", header: t("proposals.columns.programme"), sortKey: "programme", cell: (p) => p.programme.name, visibleFrom: "md" },
    { key: "status", header: t("proposals.columns.status"), cell: (p) => <ProposalStatusBadge status={p.status} /> },
    { key: "sentOn", header: t("proposals.columns.dates"), sortKey: "sentOn", firstDirection: "desc", cell: (p) => <Dates proposal={p} /> },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (p) =>
        direction === "received" ? (
          <ReceivedActions proposal={p} />
        ) : (
          <SentActions proposal={p} canLookAgain={!pairedIn.has(p.programme.id)} />
        ),
    },
  ];
  return (
    <DataTable
      label={t(`proposals.tabs.${direction}`)}
      columns={columns}
      rowKey={(p) => p.id}
      loading={loading}
      rowDetails={(p) => <Details proposal={p} />}
      empty={{
        title: t(`proposals.${direction}.empty`),
        action: (
          <Button component={Link} to="/programmes" variant="light">
            {t("proposals.toProgrammes")}
          </Button>
        ),
      }}
      {...sorted}
    />
  );
}

function Person({ proposal }: { proposal: Proposal }) {
  const other = otherOf(proposal);
  return <PersonCell name={personName(other)} detail={other.department} withAvatar />;
}

/** When it was sent, and when it expires or was decided. */
function Dates({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="sm">{t("proposals.sentOn", { date: formatDate(proposal.createdAt, "medium") })}</Text>
      {proposal.status === "open" ? (
        <Text size="sm" fw={500}>
          {t("proposals.expires", { when: relativeTime(proposal.expiresAt) })}
        </Text>
      ) : (
        proposal.decidedAt && (
          <Text size="sm" c="dimmed">
            {t(`proposals.decidedOn.${proposal.status}`, { date: formatDate(proposal.decidedAt, "medium") })}
          </Text>
        )
      )}
    </Stack>
  );
}

/** Under a proposal's row: what the mentee wrote while it matters, and the mentor's answer. */
function Details({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const answer = answerText(proposal, t);
  const showsTexts = proposal.status === "open" || proposal.status === "accepted";
  if (!showsTexts && !answer) return null;
  return (
    <Stack gap="xs" px="xs">
      {showsTexts && <ProposalTexts proposal={proposal} />}
      {answer && <Text size="sm">{answer}</Text>}
    </Stack>
  );
}

/** The mentor's decline message (to me, or mine), or what to do after an acceptance. */
function answerText(proposal: Proposal, t: TFunction): string | null {
  const isReceived = proposal.direction === "received";
  if (proposal.status === "declined") {
    if (isReceived) return proposal.declineReason ? t("proposals.received.myReason", { reason: proposal.declineReason }) : null;
    return proposal.declineReason ? t("proposals.sent.declineReason", { reason: proposal.declineReason }) : t("proposals.sent.noReason");
  }
  if (proposal.status === "accepted" && !isReceived) return t("proposals.sent.acceptedNext");
  return null;
}

/** What the mentee wrote: their goals and what they offer in return. */
function ProposalTexts({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const isReceived = proposal.direction === "received";
  const name = proposal.mentee.firstName || personName(proposal.mentee);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {isReceived ? t("proposals.received.goals", { name }) : t("proposals.sent.goals")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {proposal.goals}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {isReceived ? t("proposals.received.offer", { name }) : t("proposals.sent.offer")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {proposal.offer}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

function PairLink({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  if (proposal.status !== "accepted" || !proposal.pairId) return null;
  return (
    <Button component={Link} to={`/pairs/${proposal.pairId}`} variant="light" size="xs">
      {t("proposals.toPair")}
    </Button>
  );
}

function ReceivedActions({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const accept = useAcceptProposal();
  const decline = useDeclineProposal();
  const navigate = useNavigate();
  const [declining, declineDialog] = useDisclosure();
  const name = personName(proposal.mentee);
  if (proposal.status !== "open") return <PairLink proposal={proposal} />;
  const onAccept = () =>
    accept.mutate(proposal.id, {
      onSuccess: (updated) =>
        notifications.show({
          color: "green",
          title: t("proposals.received.accepted", { name }),
          // Notifications render outside the router: a <Link> there would have no router to follow.
          message: updated.pairId ? (
            <Anchor component="button" type="button" size="sm" onClick={() => void navigate(`/pairs/${updated.pairId}`)}>
              {t("proposals.received.acceptedNext")}
            </Anchor>
          ) : null,
        }),
      onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
    });
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" size="xs" onClick={declineDialog.open} disabled={accept.isPending}>
        {t("proposals.received.decline")}
      </Button>
      <Button
        color="green"
        size="xs"
        onClick={onAccept}
        loading={accept.isPending}
        aria-label={t("proposals.received.acceptFrom", { name })}
      >
        {t("proposals.received.accept")}
      </Button>
      <ConfirmWithReasonDialog
        opened={declining}
        onClose={declineDialog.close}
        title={t("proposals.received.declineTitle", { name })}
        note={{
          label: t("proposals.received.declineReason"),
          description: t("proposals.received.declineReasonHelp", { name: proposal.mentee.firstName || name }),
          placeholder: t("proposals.received.declineReasonPlaceholder"),
          maxLength: REASON_MAX_LENGTH,
          field: "reason",
        }}
        confirmLabel={t("proposals.received.declineConfirm")}
        loading={decline.isPending}
        error={decline.error}
        onConfirm={({ note }) =>
          decline.mutate(
            { id: proposal.id, reason: note },
            {
              onSuccess: () => {
                notifications.show({ message: t("proposals.received.declined", { name }) });
                declineDialog.close();
              },
            },
          )
        }
      />
    </Group>
  );
}

function SentActions({ proposal, canLookAgain }: { proposal: Proposal; canLookAgain: boolean }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawProposal();
  const [withdrawing, withdrawDialog] = useDisclosure();
  const name = personName(proposal.mentor);
  const canLookForAnother = canLookAgain && proposal.status !== "open" && proposal.status !== "accepted";
  return (
    <Group justify="flex-end" gap="xs">
      {proposal.status === "open" && (
        <Button variant="default" color="red" size="xs" onClick={withdrawDialog.open}>
          {t("proposals.sent.withdraw")}
        </Button>
      )}
      {canLookForAnother && (
        <Button component={Link} to={`/programmes/${proposal.programme.id}/mentors`} variant="subtle" size="xs">
          {t("proposals.sent.findAnother")}
        </Button>
      )}
      <PairLink proposal={proposal} />
      <ConfirmWithReasonDialog
        opened={withdrawing}
        onClose={withdrawDialog.close}
        title={t("proposals.sent.withdrawTitle")}
        text={t("proposals.sent.withdrawText", { name })}
        confirmLabel={t("proposals.sent.withdrawConfirm")}
        loading={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() =>
          withdraw.mutate(proposal.id, {
            onSuccess: () => {
              notifications.show({ message: t("proposals.sent.withdrawn", { name }) });
              withdrawDialog.close();
            },
          })
        }
      />
    </Group>
  );
}
