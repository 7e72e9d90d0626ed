import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Programme, ProgrammePhase } from "../../../../contracts/programmes.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useChangePhase } from "./queries.ts";

/** The moves a manager may make from each phase (the server's rule), the forward one first. */
const MOVES: Record<ProgrammePhase, { to: ProgrammePhase; key: string; isBack?: boolean }[]> = {
  draft: [{ to: "enrolment", key: "openEnrolment" }],
  enrolment: [{ to: "matching", key: "startMatching" }],
  matching: [
    { to: "running", key: "start" },
    { to: "enrolment", key: "reopenEnrolment", isBack: true },
  ],
  running: [{ to: "closed", key: "close" }],
  closed: [],
};

/** Buttons to move the programme to its next phase, each behind a modal that says what will happen. */
export function PhaseControl({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const [move, setMove] = useState<(typeof MOVES)[ProgrammePhase][number] | null>(null);
  const change = useChangePhase(programme.id);
  const close = () => {
    setMove(null);
    change.reset();
  };
  const moves = MOVES[programme.phase];
  if (moves.length === 0) return null;

  return (
    <>
      <Group gap="xs">
        {moves.map((m) => (
          <Button
            key={m.to}
            variant={m.isBack ? "default" : "filled"}
            color={m.to === "closed" ? "red" : undefined}
            onClick={() => setMove(m)}
          >
            {t(`programmes.phaseMoves.${m.key}.button`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={move !== null}
        onClose={close}
        title={move ? t(`programmes.phaseMoves.${move.key}.title`) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {move && (
          <Stack>
            <Text size="sm">{t(`programmes.phaseMoves.${move.key}.text`)}</Text>
            <ErrorAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button
                color={move.to === "closed" ? "red" : undefined}
                loading={change.isPending}
                onClick={() =>
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
              >
                {t(`programmes.phaseMoves.${move.key}.confirm`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
