import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render.tsx";
import { RunsComparison } from "./runs-comparison.tsx";
import { aRunSummary } from "./test-data.ts";

const FIRST = aRunSummary({ id: "00000000-0000-4000-8000-00000000c001", number: 1, total: 14.48, ms: 9.5, worstScore: 0.41 });
const SECOND = aRunSummary({ id: "00000000-0000-4000-8000-00000000c002", number: 2, total: 15.02, ms: 12.25, worstScore: 0.62, locks: 1 });

function rowOf(name: RegExp): HTMLElement {
  const rows = within(screen.getByRole("table", { name: "Comparaison des calculs" })).getAllByRole("row");
  return rows.find((row) => name.test(row.textContent ?? "")) as HTMLElement;
}

describe("comparing runs", () => {
  it("speaks in percentages and words, and shows the engine's own figures only behind a run's details", async () => {
    const { user } = renderWithProviders(
      <RunsComparison runs={[SECOND, FIRST]} latestId={SECOND.id} selectedId={SECOND.id} onSelect={vi.fn()} />,
    );

    const first = rowOf(/N°\s1/);
    expect(within(first).getByText("41 %")).toBeTruthy();
    expect(within(first).getByText("2 binômes pour 2 mentorés")).toBeTruthy();
    expect(within(rowOf(/N°\s2/)).getByText("1 verrouillé")).toBeTruthy();
    expect(screen.queryByText(/14,48/)).toBeNull();
    expect(screen.queryByText(/9,5/)).toBeNull();

    const details = within(first).getByRole("button", { name: /^Détails du calcul n°\s1$/ });
    expect(details.getAttribute("aria-expanded")).toBe("false");
    await user.click(details);
    expect(details.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText(/Score total du moteur : 14,48/).textContent).toMatch(/Temps de calcul : 9,5\sms/);
    expect(screen.queryByText(/15,02/)).toBeNull();
  });

  it("lets the manager pick the run to review", async () => {
    const onSelect = vi.fn();
    const { user } = renderWithProviders(
      <RunsComparison runs={[SECOND, FIRST]} latestId={SECOND.id} selectedId={SECOND.id} onSelect={onSelect} />,
    );

    expect(screen.getByRole("button", { name: /^En revue : calcul n°\s2$/ }).getAttribute("aria-pressed")).toBe("true");
    await user.click(screen.getByRole("button", { name: /^Revoir le calcul n°\s1$/ }));
    expect(onSelect).toHaveBeenCalledWith(FIRST.id);
  });
});
