import { Alert, Anchor, Button, Center, Loader, Text } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { ApiError } from "../../lib/api.ts";
import { useMe } from "../auth/index.ts";
import { kindLabelKey, NOTIFICATION_PREFERENCES_PATH } from "../notification-preferences/index.ts";
import { unsubscribeTargetQuery, useUnsubscribe } from "./queries.ts";

/**
 * The page of an email's footer link "Ne plus recevoir ce type de courriel" (public: the message id in
 * the address is the key). Says what will stop, and stops it on a click; the List-Unsubscribe header
 * does the same in one click from the mail client.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("unsubscribe.title")} · Passerelle`);
  const messageId = useParams().id ?? "";
  const target = useQuery(unsubscribeTargetQuery(messageId));
  const stop = useUnsubscribe(messageId);
  const me = useMe();

  const isUnknown = target.error instanceof ApiError && target.error.status === 404;
  const data = target.data;
  const what = !data
    ? null
    : data.kind
      ? t("unsubscribe.whatKind", { label: t(kindLabelKey(data.kind)) })
      : data.category === "digest"
        ? t("unsubscribe.whatDigest")
        : data.category === "invitation"
          ? t("unsubscribe.whatInvitation")
          : null;
  const isInvitation = data?.category === "invitation";

  return (
    <GuestCard title={t("unsubscribe.title")}>
      {target.isPending && (
        <Center>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {isUnknown ? <Text>{t("unsubscribe.unknown")}</Text> : <ErrorAlert error={target.error} />}
      {data && !what && <Text>{t("unsubscribe.nothingToStop")}</Text>}
      {what && !stop.isSuccess && (
        <>
          <Text>{what}</Text>
          <Text size="sm" c="dimmed">
            {t(isInvitation ? "unsubscribe.invitationStays" : "unsubscribe.bellStays")}
          </Text>
          <ErrorAlert error={stop.error} />
          <Button onClick={() => stop.mutate()} loading={stop.isPending} w="fit-content">
            {t("unsubscribe.submit")}
          </Button>
        </>
      )}
      {stop.isSuccess && (
        <Alert color="green" role="status" title={t("unsubscribe.done")}>
          {t("unsubscribe.changeYourMind")}
        </Alert>
      )}
      {(stop.isSuccess || (data && !what)) && me.data && (
        <Anchor component={Link} to={NOTIFICATION_PREFERENCES_PATH}>
          {t("unsubscribe.preferencesLink")}
        </Anchor>
      )}
    </GuestCard>
  );
}
