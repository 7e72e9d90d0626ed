import { ActionIcon, Anchor, Badge, Button, Group, NumberInput, Progress, Stack, Switch, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { COMPLETENESS_FILTERS } from "../../../../contracts/people.ts";
import {
  ENROLMENT_STATUSES,
  type Enrolment,
  PARTICIPANT_ROLES,
  type Programme,
  UpdateEnrolmentBody,
} from "../../../../contracts/programmes.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import type { DataTableColumn } from "../../components/data-table.tsx";
import { PagedQueryTable } from "../../components/paged-query-table.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { CompletenessFilter } from "../admin/index.ts";
import { BulkInviteButton } from "../invitations/index.ts";
import { EnrolModal } from "./enrol-modal.tsx";
import { EnrolmentStatusBadge, PairStateBadge, WHOLE_BADGE } from "./labels.tsx";
import { BOARD_PAGE_SIZE, programmeKeys, useEnrolmentBoard, useRemoveEnrolment, useUpdateEnrolment } from "./queries.ts";

/** A mentor's capacity bounds, as the API checks them. */
const CAPACITY = (() => {
  const capacity = UpdateEnrolmentBody.shape.capacity.unwrap().unwrap();
  return { min: capacity.minValue ?? 1, max: capacity.maxValue ?? 5 };
})();

/**
 * Who is enrolled and how far they are: counts, the "enrol people" modal, the invitation by email of those
 * enrolled without an account, and the paginated board.
 */
export function EnrolmentTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const url = useUrlState({
    q: urlParam.text(),
    role: urlParam.choice(PARTICIPANT_ROLES),
    status: urlParam.choice(ENROLMENT_STATUSES),
    completeness: urlParam.choice(COMPLETENESS_FILTERS),
  });
  const { search, setSearch, q } = useUrlSearch(url);
  const filters = { ...url.values, q, page: url.page };
  const board = useEnrolmentBoard(programme.id, filters);
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState<Enrolment | null>(null);
  const counts = board.data?.counts;
  const isClosed = programme.phase === "closed";
  const columns = useBoardColumns(programme, setRemoving);
  const queryClient = useQueryClient();
  // Once invited, people show their account on the board.
  const refreshBoard = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programme.id) }),
    [queryClient, programme.id],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t(programme.phase === "draft" ? "programmes.board.introDraft" : "programmes.board.intro")}
        </Text>
        {!isClosed && (
          <Group gap="xs">
            <BulkInviteButton source={{ kind: "programme", programmeId: programme.id }} onFinished={refreshBoard} />
            <Button onClick={() => setEnrolling(true)}>{t("programmes.enrol.open")}</Button>
          </Group>
        )}
      </Group>
      {counts && (
        <SectionCard title={t("programmes.board.countsTitle")} titleSize="h4">
          <Stack>
            <StatCards
              cols={{ base: 2, sm: 3, lg: 6 }}
              figures={[
                { label: t("programmes.board.counts.mentorJoined"), value: counts.mentor.joined, color: "teal" },
                { label: t("programmes.board.counts.mentorInvited"), value: counts.mentor.invited, color: "yellow" },
                { label: t("programmes.board.counts.mentorDeclined"), value: counts.mentor.declined, color: "gray" },
                { label: t("programmes.board.counts.menteeJoined"), value: counts.mentee.joined, color: "teal" },
                { label: t("programmes.board.counts.menteeInvited"), value: counts.mentee.invited, color: "yellow" },
                { label: t("programmes.board.counts.menteeDeclined"), value: counts.mentee.declined, color: "gray" },
              ]}
            />
            <StatCards
              cols={{ base: 2, sm: 3, lg: 5 }}
              figures={[
                { label: t("programmes.board.counts.complete"), value: counts.completeness.complete, color: "teal" },
                { label: t("programmes.board.counts.incomplete"), value: counts.completeness.incomplete, color: "indigo" },
                { label: t("programmes.board.counts.none"), value: counts.completeness.none, color: "gray" },
                { label: t("programmes.board.counts.setAside"), value: counts.setAside },
                {
                  label: t("programmes.board.counts.needsRematch"),
                  value: counts.needsRematch,
                  color: counts.needsRematch ? "orange" : undefined,
                },
              ]}
            />
          </Stack>
        </SectionCard>
      )}
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SearchField value={search} onChange={setSearch} />
          <ChoiceFilter
            label={t("programmes.board.role")}
            placeholder={t("programmes.board.allRoles")}
            values={PARTICIPANT_ROLES}
            optionLabel={(role) => t(`programmes.roles.${role}`)}
            value={filters.role}
            onChange={(role) => url.set({ role })}
          />
          <ChoiceFilter
            label={t("programmes.board.status")}
            placeholder={t("programmes.board.allStatuses")}
            values={ENROLMENT_STATUSES}
            optionLabel={(status) => t(`programmes.enrolmentStatus.${status}`)}
            value={filters.status}
            onChange={(status) => url.set({ status })}
          />
          <CompletenessFilter value={filters.completeness} onChange={(completeness) => url.set({ completeness })} />
        </Group>
      </Group>
      <PagedQueryTable
        label={t("programmes.board.tableLabel")}
        columns={columns}
        rowKey={(enrolment) => enrolment.personId}
        query={board}
        paging={{ page: url.page, pageSize: BOARD_PAGE_SIZE, setPage: url.setPage }}
        empty={{
          title:
            board.data?.total === 0 && !filters.role && !filters.status && !filters.completeness && !q
              ? t("programmes.board.empty")
              : t("programmes.board.noMatch"),
        }}
      />
      <EnrolModal programme={programme} opened={enrolling} onClose={() => setEnrolling(false)} />
      <RemoveModal programme={programme} enrolment={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

/**
 * The board's columns. The employee id and department go under the name rather than in columns of their
 * own, and the preparation column shows from extra-large screens: the board fits 1280 px without scrolling sideways.
 */
function useBoardColumns(programme: Programme, onRemove: (enrolment: Enrolment) => void): DataTableColumn<Enrolment>[] {
  const { t } = useTranslation();
  const isClosed = programme.phase === "closed";
  return [
    {
      key: "name",
      header: t("programmes.board.columns.name"),
      cell: (enrolment) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/people/${enrolment.personId}`} size="sm" fw={500}>
            {personName(enrolment)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[enrolment.employeeId, enrolment.department].filter(Boolean).join(" · ")}
          </Text>
          {enrolment.source === "application" && (
            <Text size="xs" c="dimmed">
              {t("programmes.board.applied")}
            </Text>
          )}
          {!enrolment.hasAccount && (
            <Text size="xs" c="dimmed">
              {t("people.noAccount")}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "role", header: t("programmes.board.columns.role"), cell: (enrolment) => t(`programmes.roles.${enrolment.role}`) },
    {
      key: "status",
      header: t("programmes.board.columns.status"),
      cell: (enrolment) => <EnrolmentStatusBadge status={enrolment.status} />,
    },
    {
      key: "completeness",
      header: t("people.completeness"),
      cell: (enrolment) =>
        enrolment.profileCompleteness === null ? (
          <Text size="sm" c="dimmed">
            {t("people.noProfile")}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm">{t("completeness.ring", { percent: enrolment.profileCompleteness })}</Text>
            <Progress
              value={enrolment.profileCompleteness}
              maw={80}
              size="sm"
              color={enrolment.profileCompleteness === 100 ? "teal" : "indigo"}
              aria-hidden
            />
          </Stack>
        ),
    },
    {
      key: "onboarding",
      header: t("programmes.board.columns.onboarding"),
      // The "Preparation" tab has the details; below 1408 px the board keeps room for what HR acts on.
      visibleFrom: "xl",
      cell: ({ onboarding }) => (
        <>
          <Text size="sm" c={onboarding.isComplete ? "teal" : undefined}>
            {t("programmes.board.modules", { done: onboarding.modulesDone, total: onboarding.modulesTotal })}
          </Text>
          <Text size="xs" c={onboarding.charterAccepted ? "teal" : "dimmed"}>
            {t(onboarding.charterAccepted ? "programmes.board.charterAccepted" : "programmes.board.charterPending")}
          </Text>
        </>
      ),
    },
    {
      key: "pair",
      header: t("programmes.board.columns.pair"),
      cell: (enrolment) => (
        <Stack gap={4} align="flex-start">
          {enrolment.pairState ? (
            <PairStateBadge state={enrolment.pairState} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("programmes.board.noPair")}
            </Text>
          )}
          {enrolment.needsRematch && (
            <Badge style={WHOLE_BADGE} color="orange" variant="filled" size="sm">
              {t("programmes.board.needsRematch")}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: "setAside",
      header: t("programmes.board.columns.setAside"),
      cell: (enrolment) => <SetAsideSwitch programme={programme} enrolment={enrolment} />,
    },
    {
      key: "capacity",
      header: t("programmes.board.columns.capacity"),
      cell: (enrolment) =>
        enrolment.role === "mentor" ? (
          <CapacityInput programme={programme} enrolment={enrolment} />
        ) : (
          <Text size="sm" c="dimmed" aria-hidden>
            —
          </Text>
        ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (enrolment) =>
        !isClosed && (
          <Tooltip label={t("programmes.board.remove")}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("programmes.board.removeName", { name: personName(enrolment) })}
              onClick={() => onRemove(enrolment)}
            >
              <span aria-hidden>✕</span>
            </ActionIcon>
          </Tooltip>
        ),
    },
  ];
}

/** Saves a change to one enrolment, saying so (or what went wrong) in a notification. */
function useEnrolmentChange(programme: Programme, enrolment: Enrolment) {
  const update = useUpdateEnrolment(programme.id);
  const save = (body: { isSetAside?: boolean; capacity?: number | null }, message: string) =>
    update.mutate(
      { personId: enrolment.personId, ...body },
      {
        onSuccess: () => notifications.show({ color: "green", message }),
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );
  return { update, save };
}

function SetAsideSwitch({ programme, enrolment }: { programme: Programme; enrolment: Enrolment }) {
  const { t } = useTranslation();
  const { update, save } = useEnrolmentChange(programme, enrolment);
  const name = personName(enrolment);
  return (
    <Switch
      aria-label={t("programmes.board.setAsideName", { name })}
      // Shows the new state at once, while it is saved and the board reloads.
      checked={update.isPending && update.variables.isSetAside !== undefined ? update.variables.isSetAside : enrolment.isSetAside}
      disabled={programme.phase === "closed"}
      onChange={(event) => {
        const isSetAside = event.currentTarget.checked;
        save({ isSetAside }, t(isSetAside ? "programmes.board.setAsideDone" : "programmes.board.backInPool", { name }));
      }}
    />
  );
}

/** A mentor's capacity in this programme, saved when the field is left; empty means "the programme's default". */
function CapacityInput({ programme, enrolment }: { programme: Programme; enrolment: Enrolment }) {
  const { t } = useTranslation();
  const { update, save } = useEnrolmentChange(programme, enrolment);
  const name = personName(enrolment);
  const { capacity } = enrolment;
  const [value, setValue] = useState<number | string>(capacity ?? "");
  const commit = () => {
    const next = value === "" ? null : Math.min(CAPACITY.max, Math.max(CAPACITY.min, Math.round(Number(value))));
    if (next !== capacity) save({ capacity: next }, t("programmes.board.capacitySaved", { name }));
  };
  return (
    <NumberInput
      aria-label={t("programmes.board.capacityName", { name })}
      placeholder={t("programmes.board.capacityDefault", { count: programme.matchingSettings?.defaultCapacity })}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      min={CAPACITY.min}
      max={CAPACITY.max}
      allowDecimal={false}
      disabled={programme.phase === "closed" || update.isPending}
      size="xs"
      w={96}
    />
  );
}

function RemoveModal({ programme, enrolment, onClose }: { programme: Programme; enrolment: Enrolment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveEnrolment(programme.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  const name = enrolment ? personName(enrolment) : "";
  return (
    <ConfirmWithReasonDialog
      opened={enrolment !== null}
      onClose={close}
      title={t("programmes.board.removeTitle", { name })}
      text={t("programmes.board.removeText", { name, programme: programme.name })}
      confirmLabel={t("programmes.board.removeConfirm")}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        enrolment &&
        remove.mutate(enrolment.personId, {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("programmes.board.removed", { name }) });
            close();
          },
        })
      }
    />
  );
}
