import { Anchor, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import { AcceptInvitationBody, type InvitationPreview } from "../../../../contracts/accounts.ts";
import { DisplayNameField } from "../../components/display-name-field.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { GuestCard } from "../../components/guest-card.tsx";
import { NewPasswordFields } from "../../components/new-password-fields.tsx";
import { setServerFieldErrors, zodValidate } from "../../lib/forms.ts";
import { withPasswordConfirmation } from "../../lib/password.ts";
import { invitationPreviewQuery, useAcceptInvitation } from "./queries.ts";

const AcceptFormSchema = withPasswordConfirmation(AcceptInvitationBody);

/** The invited person's side of the link: check their name, choose a password, and they are in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t("acceptInvitation.title")} · Passerelle`);
  const token = useParams().token ?? "";
  const invitation = useQuery(invitationPreviewQuery(token));

  return (
    <GuestCard title={t("acceptInvitation.title")}>
      {invitation.isPending && (
        <Center>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {invitation.isError && (
        <>
          <ErrorAlert error={invitation.error} />
          <Anchor component={Link} to="/login">
            {t("acceptInvitation.goToLogin")}
          </Anchor>
        </>
      )}
      {invitation.data && <AcceptForm token={token} invitation={invitation.data} />}
    </GuestCard>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: z.infer<typeof InvitationPreview> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { displayName: invitation.displayName, password: "", confirmPassword: "" },
    validate: zodValidate(AcceptFormSchema),
  });
  const accept = useAcceptInvitation(token);
  const submit = ({ confirmPassword: _, ...values }: typeof form.values) =>
    accept.mutate(values, {
      onSuccess: (me) => {
        // The account's language (chosen by the inviter) takes over now: welcome them in it.
        notifications.show({ color: "green", message: i18n.getFixedT(me.locale)("acceptInvitation.success") });
        void navigate("/", { replace: true });
      },
      onError: (error) => setServerFieldErrors(form, error),
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text>{t("acceptInvitation.intro", { email: invitation.email })}</Text>
        <ErrorAlert error={accept.error} />
        <DisplayNameField {...form.getInputProps("displayName")} />
        <NewPasswordFields password={form.getInputProps("password")} confirmation={form.getInputProps("confirmPassword")} />
        <Button type="submit" loading={accept.isPending}>
          {t("acceptInvitation.submit")}
        </Button>
      </Stack>
    </form>
  );
}
