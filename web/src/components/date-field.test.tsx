import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import i18n from "../i18n/index.ts";
import { renderWithProviders } from "../test/render.tsx";
import { DateField } from "./date-field.tsx";

function Field({ initial = "", onChange = () => {} }: { initial?: string; onChange?: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      label="Début"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe("DateField", () => {
  it("shows an ISO date the French way", () => {
    renderWithProviders(<Field initial="2026-12-20" />);
    expect((screen.getByRole("textbox", { name: "Début" }) as HTMLInputElement).value).toBe("20/12/2026");
  });

  it("reads a date typed the French way and gives it back as an ISO date", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Field onChange={onChange} />);
    await user.type(screen.getByRole("textbox", { name: "Début" }), "03/02/2027");
    expect(onChange).toHaveBeenLastCalledWith("2027-02-03");
    expect(onChange).not.toHaveBeenCalledWith("0002-12-03");
  });

  it("shows the date in English when the UI is in English", async () => {
    await i18n.changeLanguage("en");
    renderWithProviders(<Field initial="2026-12-20" />);
    expect((screen.getByRole("textbox", { name: "Début" }) as HTMLInputElement).value).toBe("Dec 20, 2026");
  });

  it("picks a day in a calendar named in French", async () => {
    const onChange = vi.fn();
    const { user } = renderWithProviders(<Field initial="2026-12-20" onChange={onChange} />);
    await user.click(screen.getByRole("textbox", { name: "Début" }));
    expect(screen.getByText("décembre 2026")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "24 décembre 2026" }));
    expect(onChange).toHaveBeenLastCalledWith("2026-12-24");
  });
});
