import { Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Programme, ProgrammePhase } from "../../../../contracts/programmes.ts";
import { ConfirmWithReasonDialog } from "../../components/confirm-with-reason-dialog.tsx";
import { useChangePhase } from "./queries.ts";

/** A phase change a manager may make (the server's rule), and how prominent its button is. */
interface Move {
  to: ProgrammePhase;
  key: "openEnrolment" | "startMatching" | "start" | "reopenEnrolment" | "close";
  /** "primary": the next useful step; "secondary": possible but not what comes next; "danger": ends something for good. */
  emphasis: "primary" | "secondary" | "danger";
  /** Why the move is not possible yet (a message key), when it is not. */
  blockedBy?: string;
}

/**
 * The phase changes of a programme in its state. In matching, the next step is to form pairs (run the
 * matching and publish a run, which starts the programme by itself): starting the programme by hand
 * only makes sense once pairs exist (accepted proposals), so it waits until then, saying why.
 */
export function phaseMoves(programme: Pick<Programme, "phase" | "openPairs">): Move[] {
  switch (programme.phase) {
    case "draft":
      return [{ to: "enrolment", key: "openEnrolment", emphasis: "primary" }];
    case "enrolment":
      return [{ to: "matching", key: "startMatching", emphasis: "primary" }];
    case "matching":
      return [
        programme.openPairs > 0
          ? { to: "running", key: "start", emphasis: "primary" }
          : { to: "running", key: "start", emphasis: "secondary", blockedBy: "programmes.phaseMoves.start.noPairs" },
        { to: "enrolment", key: "reopenEnrolment", emphasis: "secondary" },
      ];
    case "running":
      return [{ to: "closed", key: "close", emphasis: "danger" }];
    case "closed":
      return [];
  }
}

/**
 * The programme's next step and its phase changes, each change behind a dialog that says what will
 * happen. `onFormPairs`, when given, offers the matching tab as the next step of a programme in
 * matching without pairs (left out on that tab, whose own buttons are the next step there).
 */
export function PhaseControl({ programme, onFormPairs }: { programme: Programme; onFormPairs?: () => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [move, setMove] = useState<Move | null>(null);
  const change = useChangePhase(programme.id);
  const close = () => {
    setMove(null);
    change.reset();
  };
  const moves = phaseMoves(programme);
  if (moves.length === 0) return null;
  const blocked = moves.find((m) => m.blockedBy);
  const formsPairs = programme.phase === "matching" && programme.openPairs === 0 && onFormPairs;

  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" justify="flex-end">
        {formsPairs && (
          <Button variant="filled" onClick={onFormPairs}>
            {t("programmes.phaseMoves.formPairs")}
          </Button>
        )}
        {moves.map((m) => (
          <Button
            key={m.to}
            variant={m.emphasis === "primary" ? "filled" : m.emphasis === "danger" ? "outline" : "default"}
            color={m.emphasis === "danger" ? "red" : undefined}
            disabled={m.blockedBy !== undefined}
            aria-describedby={m.blockedBy ? reasonId : undefined}
            onClick={() => setMove(m)}
          >
            {t(`programmes.phaseMoves.${m.key}.button`)}
          </Button>
        ))}
      </Group>
      {blocked?.blockedBy && (
        <Text id={reasonId} size="xs" c="dimmed" ta="right" maw={420}>
          {t(blocked.blockedBy)}
        </Text>
      )}
      <ConfirmWithReasonDialog
        opened={move !== null}
        onClose={close}
        title={move ? t(`programmes.phaseMoves.${move.key}.title`) : ""}
        text={move ? t(`programmes.phaseMoves.${move.key}.text`) : undefined}
        confirmLabel={move ? t(`programmes.phaseMoves.${move.key}.confirm`) : ""}
        destructive={move?.emphasis === "danger"}
        loading={change.isPending}
        error={change.error}
        onConfirm={() =>
          move &&
          change.mutate(move.to, {
            onSuccess: () => {
              notifications.show({
                color: "green",
                message: t("programmes.phaseMoves.done", { phase: t(`programmes.phases.${move.to}`) }),
              });
              close();
            },
          })
        }
      />
    </Stack>
  );
}
