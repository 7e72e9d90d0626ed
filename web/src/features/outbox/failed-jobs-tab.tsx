import { Code, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailedJob } from "../../../../contracts/mail.ts";
import { DataTable, type DataTableColumn } from "../../components/data-table.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatMailDate, queueLabel } from "./mail-labels.tsx";
import { useFailedJobs } from "./queries.ts";

/** Background jobs that failed every retry: which work, its last error, when. */
export function FailedJobsTab() {
  const { t } = useTranslation();
  const jobs = useFailedJobs();
  const columns: DataTableColumn<FailedJob>[] = [
    { key: "queue", header: t("outbox.jobs.queue"), cell: (job) => queueLabel(job.queue, t) },
    {
      key: "error",
      header: t("outbox.jobs.error"),
      cell: (job) => (job.error ? <Code style={{ whiteSpace: "pre-wrap" }}>{job.error}</Code> : "—"),
    },
    { key: "retries", header: t("outbox.jobs.retries"), cell: (job) => job.retryCount, align: "right", visibleFrom: "sm" },
    { key: "failedAt", header: t("outbox.jobs.failedAt"), cell: (job) => (job.failedAt ? formatMailDate(job.failedAt) : "—") },
  ];
  return (
    <>
      <Text mb="md">{t("outbox.jobs.intro")}</Text>
      <ErrorAlert error={jobs.error} />
      <DataTable
        label={t("outbox.jobs.tableLabel")}
        columns={columns}
        rows={jobs.data?.items}
        rowKey={(job) => job.id}
        loading={jobs.isFetching}
        empty={{ title: t("outbox.jobs.empty") }}
      />
    </>
  );
}
