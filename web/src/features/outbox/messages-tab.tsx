import { Anchor, Button, Group, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAIL_STATUSES, type MailMessageSummary, type MailStatus } from "../../../../contracts/mail.ts";
import { ChoiceFilter } from "../../components/choice-filter.tsx";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { urlParam, useUrlState } from "../../lib/use-url-state.ts";
import { formatMailDate, MailStatusBadge, templateLabel } from "./mail-labels.tsx";
import { MailMessageDrawer } from "./mail-message-drawer.tsx";
import { useMailList } from "./queries.ts";

/** The emails, newest first, filtered by status and recipient (in the address); a row opens the email. */
export function MessagesTab() {
  const { t } = useTranslation();
  const url = useUrlState({ status: urlParam.choice(MAIL_STATUSES), to: urlParam.text(), message: urlParam.optionalText() });
  const { status, to, message } = url.values;
  const [recipient, setRecipient] = useRecipientFilter(to, (value) => url.set({ to: value }));

  return (
    <>
      <Group align="flex-end" mb="md">
        <ChoiceFilter
          label={t("outbox.filters.status")}
          placeholder={t("outbox.filters.allStatuses")}
          values={MAIL_STATUSES}
          optionLabel={(value) => t(`outbox.statuses.${value}`)}
          value={status}
          onChange={(value) => url.set({ status: value })}
        />
        <TextInput
          type="search"
          label={t("outbox.filters.recipient")}
          placeholder={t("outbox.filters.recipientHint")}
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
          w={{ base: "100%", sm: 300 }}
          autoComplete="off"
        />
      </Group>
      {/* A new filter starts again from the newest emails. */}
      <MessagesList key={`${status}|${to}`} status={status} to={to} onOpen={(id) => url.set({ message: id })} />
      <MailMessageDrawer id={message} onClose={() => url.set({ message: null })} />
    </>
  );
}

/** The recipient box: typed at once, written to the address (trimmed, lowercase) once typing stops. */
function useRecipientFilter(value: string, onChange: (value: string) => void): [string, (value: string) => void] {
  const [typed, setTyped] = useState(value);
  const [debounced] = useDebouncedValue(typed.trim().toLowerCase(), 300);
  const written = useRef(value);
  const change = useRef(onChange);
  change.current = onChange;
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    change.current(debounced);
  }, [debounced]);
  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    setTyped(value);
  }, [value]);
  return [typed, setTyped];
}

/** Short values (a kind, a date, a status) stay on one line: the subject and the address take the wrapping. */
function NoWrap({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
      {children}
    </Text>
  );
}

function MessagesList({ status, to, onOpen }: { status: MailStatus | null; to: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  // Keyset pages: the cursors of the pages opened so far, to go back to newer ones.
  const [cursors, setCursors] = useState<number[]>([]);
  const list = useMailList({ status, to, before: cursors.at(-1) ?? null });
  const nextBefore = list.data?.nextBefore ?? null;
  const isFiltered = status !== null || to !== "";

  const columns: DataTableColumn<MailMessageSummary>[] = [
    { key: "recipient", header: t("outbox.columns.recipient"), cell: (m) => m.to },
    {
      key: "subject",
      header: t("outbox.columns.subject"),
      cell: (m) => (
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(m.id)}>
          {m.subject ?? (
            <Text span fs="italic" size="sm">
              {t("outbox.noSubject")}
            </Text>
          )}
        </Anchor>
      ),
    },
    { key: "kind", header: t("outbox.columns.kind"), cell: (m) => <NoWrap>{templateLabel(m.template, t)}</NoWrap>, visibleFrom: "md" },
    { key: "status", header: t("outbox.columns.status"), cell: (m) => <MailStatusBadge status={m.status} /> },
    { key: "date", header: t("outbox.columns.date"), cell: (m) => <NoWrap>{formatMailDate(m.createdAt)}</NoWrap>, visibleFrom: "sm" },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t("outbox.tableLabel")}
        columns={columns}
        rows={list.data?.items}
        rowKey={(m) => m.id}
        loading={list.isFetching}
        rowProps={(m) => ({ onClick: () => onOpen(m.id), style: { cursor: "pointer" } })}
        empty={{ title: t(isFiltered ? "outbox.emptyFiltered" : "outbox.empty") }}
      />
      {(cursors.length > 0 || nextBefore !== null) && (
        <Group justify="flex-end" mt="sm" role="group" aria-label={t("outbox.pages")}>
          <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t("outbox.newer")}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={nextBefore === null}
            onClick={() => nextBefore !== null && setCursors((c) => [...c, nextBefore])}
          >
            {t("outbox.older")}
          </Button>
        </Group>
      )}
    </>
  );
}
