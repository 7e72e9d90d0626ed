import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FIT_LEVELS } from "../../../../contracts/pairs.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { FitBadge, MatchReasons } from "./match-reasons.tsx";

describe("what a pair's people read about their match", () => {
  it("is a kind word, never a percentage that reads like a grade", () => {
    renderWithProviders(<FitBadge fit="some" />);
    expect(screen.getByText("Quelques points communs")).toBeTruthy();
    expect(screen.queryByText(/\d|%/)).toBeNull();
  });

  it("has a word for each level the API sends", () => {
    renderWithProviders(
      <div>
        {FIT_LEVELS.map((fit) => (
          <FitBadge key={fit} fit={fit} />
        ))}
      </div>,
    );
    for (const word of ["Très complémentaires", "Complémentaires", "Quelques points communs"]) expect(screen.getByText(word)).toBeTruthy();
  });

  it("shows the server's sentences as they are, addressed to the reader, in the order sent (most important first)", () => {
    const reasons = [
      { component: "teaching", fr: "Vous enseignez Canva, que votre mentoré·e veut apprendre (priorité 1).", en: "-" },
      { component: "reciprocity", fr: "Vous voulez apprendre la négociation, que votre mentoré·e peut vous apporter en retour.", en: "-" },
      { component: "language", fr: "Votre mentoré·e et vous parlez anglais.", en: "-" },
    ];
    renderWithProviders(<MatchReasons reasons={reasons} />);
    const items = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(items).toEqual(reasons.map((reason) => reason.fr));
  });
});
