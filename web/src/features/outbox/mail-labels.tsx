/** How the outbox writes an email's status, kind and dates, in the UI language. */
import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MailStatus } from "../../../../contracts/mail.ts";
import { currentLanguage } from "../../i18n/index.ts";

const STATUS_COLORS: Record<MailStatus, string> = {
  queued: "gray",
  sending: "blue",
  sent: "green",
  failed: "red",
  outbox: "indigo",
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      tt="none"
      style={{ overflow: "visible" }}
      styles={{ label: { overflow: "visible" } }}
    >
      {t(`outbox.statuses.${status}`)}
    </Badge>
  );
}

/** The kind of an email from its template ("Invitation", "Notification"…); a template the UI does not know yet shows as is. */
export function templateLabel(template: string, t: TFunction): string {
  return t(`outbox.templates.${template}`, { defaultValue: template });
}

/** A background queue's name in words; an unknown one as is. */
export function queueLabel(queue: string, t: TFunction): string {
  return t(`outbox.jobs.queues.${queue}`, { defaultValue: queue });
}

/** "20/12/2026 14:05" in French: day, month, year and time on the browser's calendar. */
export function formatMailDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}
