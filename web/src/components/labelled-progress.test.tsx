import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders as render } from "../test/render.tsx";
import { LabelledProgress } from "./labelled-progress.tsx";

describe("LabelledProgress", () => {
  it("is one progress bar with its name, value and value in words", () => {
    render(<LabelledProgress value={40} label="Préparation" valueText="2 modules lus sur 5" />);
    const bar = screen.getByRole("progressbar", { name: "Préparation" });
    expect(bar.getAttribute("aria-valuenow")).toBe("40");
    expect(bar.getAttribute("aria-valuetext")).toBe("2 modules lus sur 5");
    expect(screen.getAllByRole("progressbar")).toHaveLength(1);
  });
});
