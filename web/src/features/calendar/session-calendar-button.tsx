import { Button, type ButtonProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { sessionCalendarPath } from "./queries.ts";

/**
 * "Ajouter à mon agenda (.ics)": downloads one session's calendar file (for the pair's two people; the
 * browser sends the session cookie). Opening it adds the session to Outlook, Apple Calendar…; a later
 * change comes with the session's emails, or by itself through the subscription feed.
 */
export function SessionCalendarButton({ sessionId, ...props }: { sessionId: string } & ButtonProps) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={sessionCalendarPath(sessionId)} download variant="light" size="xs" {...props}>
      {t("calendar.session.download")}
    </Button>
  );
}
