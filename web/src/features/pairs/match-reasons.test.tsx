import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../test/render.tsx";
import { FIT_LEVELS, FitBadge, fitLevel, MatchReasons } from "./match-reasons.tsx";

describe("what a pair's people read about their match", () => {
  it("is a kind word, never a percentage that reads like a grade", () => {
    renderWithProviders(<FitBadge score={0.23} />);
    expect(screen.getByText("Quelques points communs")).toBeTruthy();
    expect(screen.queryByText(/\d|%/)).toBeNull();
  });

  it("turns scores into levels at thresholds kept in one place", () => {
    expect(FIT_LEVELS.map((level) => level.from)).toEqual([...FIT_LEVELS.map((level) => level.from)].sort((a, b) => b - a));
    expect(fitLevel(0.82)).toBe("strong");
    expect(fitLevel(0.45)).toBe("good");
    expect(fitLevel(0.23)).toBe("some");
    expect(fitLevel(0)).toBe("some");
  });

  it("shows the server's sentences as they are, addressed to the reader", () => {
    const reasons = [
      {
        component: "reciprocity",
        contribution: 0.1,
        fr: "Vous voulez apprendre la négociation, que votre mentoré·e peut vous apporter en retour.",
        en: "-",
      },
      { component: "teaching", contribution: 0.3, fr: "Vous enseignez Canva, que votre mentoré·e veut apprendre (priorité 1).", en: "-" },
    ];
    renderWithProviders(<MatchReasons reasons={reasons} />);
    const items = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(items).toEqual([
      "Vous enseignez Canva, que votre mentoré·e veut apprendre (priorité 1).",
      "Vous voulez apprendre la négociation, que votre mentoré·e peut vous apporter en retour.",
    ]);
  });
});
