import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Invitation } from "../../../../contracts/accounts.ts";
import { formatDate } from "../../lib/dates.ts";

export type InvitationLink = z.infer<typeof Invitation>;

/** The one-time invitation link, to hand over by hand until invitations are emailed. */
export function InvitationLinkView({ invitation, onDone }: { invitation: InvitationLink; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t("invitations.link.intro", { email: invitation.email })}</Text>
      <TextInput label={t("invitations.link.label")} value={invitation.link} readOnly onFocus={(event) => event.currentTarget.select()} />
      <CopyButton value={invitation.link}>
        {({ copied, copy }) => (
          <Button onClick={copy} color={copied ? "teal" : undefined} variant={copied ? "filled" : "light"} w="fit-content">
            {copied ? t("invitations.link.copied") : t("invitations.link.copy")}
          </Button>
        )}
      </CopyButton>
      <Alert color="yellow">{t("invitations.link.warning", { date: formatDate(invitation.expiresAt) })}</Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.done")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The link of a re-issued invitation, in a modal; closed when `invitation` is null. */
export function InvitationLinkModal({ invitation, onClose }: { invitation: InvitationLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={invitation !== null}
      onClose={onClose}
      title={t("invitations.link.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {invitation && <InvitationLinkView invitation={invitation} onDone={onClose} />}
    </Modal>
  );
}
