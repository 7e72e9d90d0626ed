import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Proposal } from "../../../../contracts/pairs.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { formatDate } from "../../lib/dates.ts";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { relativeTime } from "../notifications/relative-time.ts";
import { useMyProposals, useProposalAction } from "./queries.ts";

type Tab = "received" | "sent";

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

/** Proposals I received as a mentor (accept or decline) and those I sent as a mentee (follow, withdraw). */
export function ProposalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("proposals.title")} · Passerelle`);
  const proposals = useMyProposals();
  const [params, setParams] = useSearchParams();
  const items = proposals.data?.items ?? [];
  const received = ordered(items.filter((p) => p.direction === "received"));
  const sent = ordered(items.filter((p) => p.direction === "sent"));
  const asked = params.get("tab");
  const tab: Tab = asked === "sent" || asked === "received" ? asked : received.length === 0 && sent.length > 0 ? "sent" : "received";
  const openCount = (list: Proposal[]) => list.filter((p) => p.status === "open").length;

  return (
    <Stack gap="lg">
      <Title order={1}>{t("proposals.title")}</Title>
      <Text>{t("proposals.intro")}</Text>
      <ErrorAlert error={proposals.error} />
      {proposals.isPending && <PageLoader />}
      {proposals.data && (
        <Tabs value={tab} onChange={(value) => setParams(value === "sent" ? { tab: "sent" } : { tab: "received" }, { replace: true })}>
          <Tabs.List mb="md">
            <Tabs.Tab value="received" rightSection={<CountBadge count={openCount(received)} />}>
              {t("proposals.tabs.received")}
            </Tabs.Tab>
            <Tabs.Tab value="sent" rightSection={<CountBadge count={openCount(sent)} />}>
              {t("proposals.tabs.sent")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="received">
            <ProposalCards proposals={received} empty={t("proposals.received.empty")} />
          </Tabs.Panel>
          <Tabs.Panel value="sent">
            <ProposalCards proposals={sent} empty={t("proposals.sent.empty")} />
          </Tabs.Panel>
        </Tabs>
      )}
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

function ProposalCards({ proposals, empty }: { proposals: Proposal[]; empty: string }) {
  const { t } = useTranslation();
  // Once a proposal is accepted, the mentee has their mentor in that programme: no need to look for another.
  const pairedIn = new Set(proposals.filter((p) => p.status === "accepted").map((p) => p.programme.id));
  if (!proposals.length)
    return (
      <Card withBorder>
        <EmptyState>
          <EmptyState.Description>{empty}</EmptyState.Description>
          <EmptyState.Actions>
            <Button component={Link} to="/programmes" variant="light">
              {t("proposals.toProgrammes")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  return (
    <Stack>
      {proposals.map((proposal) =>
        proposal.direction === "received" ? (
          <ReceivedCard key={proposal.id} proposal={proposal} />
        ) : (
          <SentCard key={proposal.id} proposal={proposal} canLookAgain={!pairedIn.has(proposal.programme.id)} />
        ),
      )}
    </Stack>
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

function PersonHeader({ proposal, titleId }: { proposal: Proposal; titleId: string }) {
  const { t } = useTranslation();
  const other = proposal.direction === "received" ? proposal.mentee : proposal.mentor;
  const name = personName(other);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Avatar name={name} color="initials" aria-hidden />
        <div>
          <Title order={2} size="h4" id={titleId}>
            {t(proposal.direction === "received" ? "proposals.received.from" : "proposals.sent.to", { name })}
          </Title>
          <Text size="sm" c="dimmed">
            {[other.department, t("proposals.programme", { name: proposal.programme.name })].filter(Boolean).join(" · ")}
          </Text>
        </div>
      </Group>
      <ProposalStatusBadge status={proposal.status} />
    </Group>
  );
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

function Dates({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const parts = [t("proposals.sentOn", { date: formatDate(proposal.createdAt) })];
  if (proposal.status === "open") parts.push(t("proposals.expires", { when: relativeTime(proposal.expiresAt) }));
  else if (proposal.decidedAt) parts.push(t(`proposals.decidedOn.${proposal.status}`, { date: formatDate(proposal.decidedAt) }));
  return (
    <Text size="sm" c={proposal.status === "open" ? undefined : "dimmed"}>
      {parts.join(" · ")}
    </Text>
  );
}

function PairLink({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  if (proposal.status !== "accepted" || !proposal.pairId) return null;
  return (
    <Button component={Link} to={`/pairs/${proposal.pairId}`} variant="light">
      {t("proposals.toPair")}
    </Button>
  );
}

function ReceivedCard({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const action = useProposalAction();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState(false);
  const name = personName(proposal.mentee);
  const titleId = `proposal-${proposal.id}`;
  const accept = () =>
    action.mutate(
      { id: proposal.id, action: "accept" },
      {
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
      },
    );
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <PersonHeader proposal={proposal} titleId={titleId} />
        {(proposal.status === "open" || proposal.status === "accepted") && <ProposalTexts proposal={proposal} />}
        <Dates proposal={proposal} />
        {proposal.status === "declined" && proposal.declineReason && (
          <Text size="sm">{t("proposals.received.myReason", { reason: proposal.declineReason })}</Text>
        )}
        {proposal.status === "open" ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(true)} disabled={action.isPending}>
              {t("proposals.received.decline")}
            </Button>
            <Button color="green" onClick={accept} loading={action.isPending} aria-label={t("proposals.received.acceptFrom", { name })}>
              {t("proposals.received.accept")}
            </Button>
          </Group>
        ) : (
          <Group justify="flex-end">
            <PairLink proposal={proposal} />
          </Group>
        )}
      </Stack>
      <Modal
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t("proposals.received.declineTitle", { name })}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {declining && <DeclineForm proposal={proposal} onDone={() => setDeclining(false)} />}
      </Modal>
    </Card>
  );
}

function DeclineForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useProposalAction();
  const [reason, setReason] = useState("");
  const name = proposal.mentee.firstName || personName(proposal.mentee);
  return (
    <Stack>
      <Textarea
        label={t("proposals.received.declineReason")}
        description={t("proposals.received.declineReasonHelp", { name })}
        placeholder={t("proposals.received.declineReasonPlaceholder")}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={1000}
        autosize
        minRows={3}
        maxRows={8}
        data-autofocus
      />
      <ErrorAlert error={action.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          loading={action.isPending}
          onClick={() =>
            action.mutate(
              { id: proposal.id, action: "decline", reason: reason.trim() || null },
              {
                onSuccess: () => {
                  notifications.show({ message: t("proposals.received.declined", { name: personName(proposal.mentee) }) });
                  onDone();
                },
              },
            )
          }
        >
          {t("proposals.received.declineConfirm")}
        </Button>
      </Group>
    </Stack>
  );
}

function SentCard({ proposal, canLookAgain }: { proposal: Proposal; canLookAgain: boolean }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const titleId = `proposal-${proposal.id}`;
  const canLookForAnother = canLookAgain && proposal.status !== "open" && proposal.status !== "accepted";
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <PersonHeader proposal={proposal} titleId={titleId} />
        {(proposal.status === "open" || proposal.status === "accepted") && <ProposalTexts proposal={proposal} />}
        <Dates proposal={proposal} />
        {proposal.status === "declined" && (
          <Text size="sm">
            {proposal.declineReason ? t("proposals.sent.declineReason", { reason: proposal.declineReason }) : t("proposals.sent.noReason")}
          </Text>
        )}
        {proposal.status === "accepted" && <Text size="sm">{t("proposals.sent.acceptedNext")}</Text>}
        <Group justify="flex-end">
          {proposal.status === "open" && (
            <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
              {t("proposals.sent.withdraw")}
            </Button>
          )}
          {canLookForAnother && (
            <Button component={Link} to={`/programmes/${proposal.programme.id}/mentors`} variant="subtle">
              {t("proposals.sent.findAnother")}
            </Button>
          )}
          <PairLink proposal={proposal} />
        </Group>
      </Stack>
      <Modal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t("proposals.sent.withdrawTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {withdrawing && <WithdrawForm proposal={proposal} onDone={() => setWithdrawing(false)} />}
      </Modal>
    </Card>
  );
}

function WithdrawForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useProposalAction();
  const name = personName(proposal.mentor);
  return (
    <Stack>
      <Text size="sm">{t("proposals.sent.withdrawText", { name })}</Text>
      <ErrorAlert error={action.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          loading={action.isPending}
          onClick={() =>
            action.mutate(
              { id: proposal.id, action: "withdraw" },
              {
                onSuccess: () => {
                  notifications.show({ message: t("proposals.sent.withdrawn", { name }) });
                  onDone();
                },
              },
            )
          }
        >
          {t("proposals.sent.withdrawConfirm")}
        </Button>
      </Group>
    </Stack>
  );
}
