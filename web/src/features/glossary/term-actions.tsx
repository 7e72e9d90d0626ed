import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { GlossaryTerm } from "../../../../contracts/glossary.ts";
import { errorMessage } from "../../lib/forms.ts";
import { useApproveTerm, useRejectTerm } from "./queries.ts";

/** A manager's actions on a term: approve or reject a proposal, edit, withdraw a published term. */
export function TermActions({ term, onEdit }: { term: GlossaryTerm; onEdit: () => void }) {
  const { t } = useTranslation();
  const approve = useApproveTerm();
  const reject = useRejectTerm();
  const done = (message: string) => ({
    onSuccess: (saved: GlossaryTerm) => notifications.show({ color: "green", message: t(message, { term: saved.term }) }),
    onError: (error: unknown) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const busy = approve.isPending || reject.isPending;
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" onClick={onEdit} aria-label={t("glossary.actions.editTerm", { term: term.term })}>
        {t("glossary.actions.edit")}
      </Button>
      {term.status !== "approved" && (
        <Button
          size="xs"
          color="green"
          disabled={busy}
          loading={approve.isPending}
          onClick={() => approve.mutate(term.id, done("glossary.actions.approved"))}
          aria-label={t("glossary.actions.approveTerm", { term: term.term })}
        >
          {t("glossary.actions.approve")}
        </Button>
      )}
      {term.status !== "rejected" && (
        <Button
          size="xs"
          variant="light"
          color="red"
          disabled={busy}
          loading={reject.isPending}
          onClick={() => reject.mutate(term.id, done("glossary.actions.rejected"))}
          aria-label={t(term.status === "approved" ? "glossary.actions.withdrawTerm" : "glossary.actions.rejectTerm", { term: term.term })}
        >
          {t(term.status === "approved" ? "glossary.actions.withdraw" : "glossary.actions.reject")}
        </Button>
      )}
    </Group>
  );
}
