import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Progress,
  ScrollArea,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ENROLMENT_STATUSES, type Enrolment, PARTICIPANT_ROLES, type Programme } from "../../../../contracts/programmes.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { SearchField } from "../../components/search-field.tsx";
import { SectionCard } from "../../components/section-card.tsx";
import { StatCards } from "../../components/stat-cards.tsx";
import { TablePagination } from "../../components/table-pagination.tsx";
import { errorMessage } from "../../lib/forms.ts";
import { personName } from "../../lib/person-name.ts";
import { urlParam, useUrlSearch, useUrlState } from "../../lib/use-url-state.ts";
import { EnrolModal } from "./enrol-modal.tsx";
import { EnrolmentStatusBadge, PairStateBadge, WHOLE_BADGE } from "./labels.tsx";
import { BOARD_PAGE_SIZE, useEnrolmentBoard, useRemoveEnrolment, useUpdateEnrolment } from "./queries.ts";

const COMPLETENESS = ["complete", "incomplete", "none"] as const;

/** Who is enrolled and how far they are: counts, the "enrol people" modal and the paginated board. */
export function EnrolmentTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const url = useUrlState({
    q: urlParam.text(),
    role: urlParam.choice(PARTICIPANT_ROLES),
    status: urlParam.choice(ENROLMENT_STATUSES),
    completeness: urlParam.choice(COMPLETENESS),
  });
  const { search, setSearch, q } = useUrlSearch(url);
  const filters = { ...url.values, q, page: url.page };
  const board = useEnrolmentBoard(programme.id, filters);
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState<Enrolment | null>(null);
  const counts = board.data?.counts;
  const isClosed = programme.phase === "closed";

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          {t(programme.phase === "draft" ? "programmes.board.introDraft" : "programmes.board.intro")}
        </Text>
        {!isClosed && <Button onClick={() => setEnrolling(true)}>{t("programmes.enrol.open")}</Button>}
      </Group>
      {counts && (
        <SectionCard title={t("programmes.board.countsTitle")} titleSize="h4">
          <Stack>
            <StatCards
              cols={{ base: 2, sm: 3, lg: 6 }}
              figures={[
                { label: t("programmes.board.counts.mentorJoined"), value: counts.mentor.joined, color: "teal" },
                { label: t("programmes.board.counts.mentorInvited"), value: counts.mentor.invited, color: "yellow.8" },
                { label: t("programmes.board.counts.mentorDeclined"), value: counts.mentor.declined, color: "gray" },
                { label: t("programmes.board.counts.menteeJoined"), value: counts.mentee.joined, color: "teal" },
                { label: t("programmes.board.counts.menteeInvited"), value: counts.mentee.invited, color: "yellow.8" },
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
                  color: counts.needsRematch ? "orange.8" : undefined,
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
          <ChoiceFilter
            label={t("people.completeness")}
            placeholder={t("people.anyCompleteness")}
            values={COMPLETENESS}
            optionLabel={(value) => t(`people.completenessFilter.${value}`)}
            value={filters.completeness}
            onChange={(completeness) => url.set({ completeness })}
          />
        </Group>
      </Group>
      <ErrorAlert error={board.error} />
      <ScrollArea type="auto">
        <Table
          aria-label={t("programmes.board.tableLabel")}
          striped
          highlightOnHover
          miw={1320}
          opacity={board.isPlaceholderData ? 0.6 : 1}
          styles={{ th: { whiteSpace: "nowrap" } }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("programmes.board.columns.name")}</Table.Th>
              <Table.Th>{t("person.employeeId")}</Table.Th>
              <Table.Th>{t("fields.department")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.role")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.status")}</Table.Th>
              <Table.Th>{t("people.completeness")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.onboarding")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.pair")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.setAside")}</Table.Th>
              <Table.Th>{t("programmes.board.columns.capacity")}</Table.Th>
              <Table.Th>{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.data?.items.map((enrolment) => (
              <BoardRow key={enrolment.personId} programme={programme} enrolment={enrolment} onRemove={() => setRemoving(enrolment)} />
            ))}
            {board.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={11}>
                  <Text c="dimmed" ta="center" py="md">
                    {board.data.total === 0 && !filters.role && !filters.status && !filters.completeness && !q
                      ? t("programmes.board.empty")
                      : t("programmes.board.noMatch")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {board.data && <TablePagination page={filters.page} pageSize={BOARD_PAGE_SIZE} total={board.data.total} onChange={url.setPage} />}
      <EnrolModal programme={programme} opened={enrolling} onClose={() => setEnrolling(false)} />
      <RemoveModal programme={programme} enrolment={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function BoardRow({ programme, enrolment, onRemove }: { programme: Programme; enrolment: Enrolment; onRemove: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEnrolment(programme.id);
  const name = personName(enrolment);
  const isClosed = programme.phase === "closed";
  const { onboarding } = enrolment;
  const save = (body: { isSetAside?: boolean; capacity?: number | null }, message: string) =>
    update.mutate(
      { personId: enrolment.personId, ...body },
      {
        onSuccess: () => notifications.show({ color: "green", message }),
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
      },
    );

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/people/${enrolment.personId}`} size="sm" fw={500} style={{ whiteSpace: "nowrap" }}>
          {name}
        </Anchor>
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
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {enrolment.employeeId}
        </Text>
      </Table.Td>
      <Table.Td>{enrolment.department}</Table.Td>
      <Table.Td>{t(`programmes.roles.${enrolment.role}`)}</Table.Td>
      <Table.Td>
        <EnrolmentStatusBadge status={enrolment.status} />
      </Table.Td>
      <Table.Td>
        {enrolment.profileCompleteness === null ? (
          <Text size="sm" c="dimmed">
            {t("people.noProfile")}
          </Text>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Progress
              value={enrolment.profileCompleteness}
              w={50}
              size="sm"
              color={enrolment.profileCompleteness === 100 ? "teal" : "indigo"}
              aria-hidden
            />
            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
              {t("completeness.ring", { percent: enrolment.profileCompleteness })}
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={onboarding.isComplete ? "teal" : undefined} style={{ whiteSpace: "nowrap" }}>
          {t("programmes.board.modules", { done: onboarding.modulesDone, total: onboarding.modulesTotal })}
        </Text>
        <Text size="xs" c={onboarding.charterAccepted ? "teal" : "dimmed"} style={{ whiteSpace: "nowrap" }}>
          {t(onboarding.charterAccepted ? "programmes.board.charterAccepted" : "programmes.board.charterPending")}
        </Text>
      </Table.Td>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t("programmes.board.setAsideName", { name })}
          // Shows the new state at once, while it is saved and the board reloads.
          checked={update.isPending && update.variables.isSetAside !== undefined ? update.variables.isSetAside : enrolment.isSetAside}
          disabled={isClosed}
          onChange={(event) => {
            const isSetAside = event.currentTarget.checked;
            save({ isSetAside }, t(isSetAside ? "programmes.board.setAsideDone" : "programmes.board.backInPool", { name }));
          }}
        />
      </Table.Td>
      <Table.Td>
        {enrolment.role === "mentor" ? (
          <CapacityInput
            name={name}
            capacity={enrolment.capacity}
            defaultCapacity={programme.matchingSettings.defaultCapacity}
            disabled={isClosed || update.isPending}
            onSave={(capacity) => save({ capacity }, t("programmes.board.capacitySaved", { name }))}
          />
        ) : (
          <Text size="sm" c="dimmed" aria-hidden>
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {!isClosed && (
          <Tooltip label={t("programmes.board.remove")}>
            <ActionIcon variant="subtle" color="red" aria-label={t("programmes.board.removeName", { name })} onClick={onRemove}>
              <span aria-hidden>✕</span>
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** A mentor's capacity in this programme, saved when the field is left; empty means "the programme's default". */
function CapacityInput({
  name,
  capacity,
  defaultCapacity,
  disabled,
  onSave,
}: {
  name: string;
  capacity: number | null;
  defaultCapacity: number;
  disabled: boolean;
  onSave: (capacity: number | null) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(capacity ?? "");
  const commit = () => {
    const next = value === "" ? null : Math.min(5, Math.max(1, Math.round(Number(value))));
    if (next !== capacity) onSave(next);
  };
  return (
    <NumberInput
      aria-label={t("programmes.board.capacityName", { name })}
      placeholder={t("programmes.board.capacityDefault", { count: defaultCapacity })}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
      min={1}
      max={5}
      allowDecimal={false}
      disabled={disabled}
      size="xs"
      w={120}
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
    <Modal
      opened={enrolment !== null}
      onClose={close}
      title={t("programmes.board.removeTitle", { name })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("programmes.board.removeText", { name, programme: programme.name })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              enrolment &&
              remove.mutate(enrolment.personId, {
                onSuccess: () => {
                  notifications.show({ color: "green", message: t("programmes.board.removed", { name }) });
                  close();
                },
              })
            }
          >
            {t("programmes.board.removeConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
