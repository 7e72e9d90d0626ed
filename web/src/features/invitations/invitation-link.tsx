import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Invitation } from "../../../../contracts/accounts.ts";
import { formatDate } from "../../lib/dates.ts";

export type InvitationLink = Invitation;

/**
 * An invitation just issued. Emailed (an SMTP server is set): whom it went to and until when — the link
 * is the invited person's alone, never shown. Otherwise the one-time link, shown once, to hand over.
 */
export function InvitationLinkView({ invitation, onDone }: { invitation: InvitationLink; onDone: () => void }) {
  const { t } = useTranslation();
  const date = formatDate(invitation.expiresAt);
  return (
    <Stack>
      {invitation.link === null ? (
        <>
          <Text>{t("invitations.emailed.text", { email: invitation.email })}</Text>
          <Text size="sm" c="dimmed">
            {t("invitations.emailed.expiry", { date })}
          </Text>
        </>
      ) : (
        <>
          <Text>{t("invitations.link.intro", { email: invitation.email })}</Text>
          <TextInput
            label={t("invitations.link.label")}
            value={invitation.link}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={invitation.link}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? "teal" : undefined} variant={copied ? "filled" : "light"} w="fit-content">
                {copied ? t("invitations.link.copied") : t("invitations.link.copy")}
              </Button>
            )}
          </CopyButton>
          <Alert color="yellow">{t("invitations.link.warning", { date })}</Alert>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.done")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The dialog's title once an invitation is issued: sent by email, or created (its link to hand over). */
export function invitationTitleKey(invitation: InvitationLink): string {
  return invitation.link === null ? "invitations.emailed.title" : "invitations.link.title";
}

/** A re-sent invitation, in a modal; closed when `invitation` is null. */
export function InvitationLinkModal({ invitation, onClose }: { invitation: InvitationLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={invitation !== null}
      onClose={onClose}
      title={invitation ? t(invitationTitleKey(invitation)) : ""}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {invitation && <InvitationLinkView invitation={invitation} onDone={onClose} />}
    </Modal>
  );
}
