import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { PhaseControl } from "./phase-control.tsx";
import { aProgramme } from "./test-data.ts";

const PHASE = "POST /api/programmes/:id/phase";

/** The buttons whose look says "do this next" (Mantine's filled variant). */
function primaryButtons(): string[] {
  return screen
    .getAllByRole("button")
    .filter((button) => button.getAttribute("data-variant") === "filled")
    .map((button) => button.textContent ?? "");
}

describe("the programme's next step", () => {
  it("in matching without pairs, is forming the pairs: starting the programme waits, saying why", async () => {
    const onFormPairs = vi.fn();
    const { user } = renderWithProviders(
      <PhaseControl programme={aProgramme({ phase: "matching", openPairs: 0 })} onFormPairs={onFormPairs} />,
    );

    expect(primaryButtons()).toEqual(["Former les binômes"]);
    const start = screen.getByRole("button", { name: "Démarrer le programme" });
    expect(start.hasAttribute("disabled")).toBe(true);
    expect(start.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(start.getAttribute("aria-describedby") as string)?.textContent).toMatch(/publiez un calcul/);
    expect(screen.getByRole("button", { name: "Rouvrir les inscriptions" }).hasAttribute("disabled")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Former les binômes" }));
    expect(onFormPairs).toHaveBeenCalled();
  });

  it("in matching once pairs exist, is starting the programme, confirmed in a dialog", async () => {
    const api = fakeApi({ [PHASE]: ({ body }) => aProgramme({ phase: (body as { phase: "running" }).phase, openPairs: 3 }) });
    const { user } = renderWithProviders(
      <PhaseControl programme={aProgramme({ phase: "matching", openPairs: 3 })} onFormPairs={vi.fn()} />,
    );

    expect(primaryButtons()).toEqual(["Démarrer le programme"]);
    await user.click(screen.getByRole("button", { name: "Démarrer le programme" }));
    const dialog = await screen.findByRole("dialog", { name: "Démarrer le programme ?" });
    expect(api.calls(PHASE)).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Démarrer le programme" }));
    await waitFor(() => expect(api.calls(PHASE)[0]?.body).toEqual({ phase: "running" }));
  });

  it("before matching, is the next phase; while running, closing is there but not pressed forward", () => {
    const { unmount } = renderWithProviders(<PhaseControl programme={aProgramme({ phase: "enrolment" })} />);
    expect(primaryButtons()).toEqual(["Passer à l’appariement"]);
    unmount();

    renderWithProviders(<PhaseControl programme={aProgramme({ phase: "running", openPairs: 3 })} />);
    expect(primaryButtons()).toEqual([]);
    expect(screen.getByRole("button", { name: "Clore le programme" })).toBeTruthy();
  });
});
