import { describe, expect, it } from "vitest";
import { indexCatalogue, skillLabel, skillOptions } from "./catalogue.ts";
import { aCatalogue } from "./test-data.ts";

describe("skillOptions", () => {
  it("groups the skills by category in the catalogue's order, without archived or already picked ones", () => {
    const catalogue = indexCatalogue(aCatalogue());
    expect(skillOptions(catalogue, "digital", ["slides"])).toEqual([
      { group: "Bureautique", items: [{ value: "spreadsheets", label: "Tableur" }] },
      { group: "Données", items: [{ value: "power_bi", label: "Power BI" }] },
    ]);
    expect(skillOptions(catalogue, "reverse").map((group) => group.group)).toEqual(["Leadership"]);
    expect(skillOptions(undefined)).toEqual([]);
  });
});

describe("skillLabel", () => {
  it("names a skill in the UI language, even an archived one, and shows the id while the catalogue loads", () => {
    const catalogue = indexCatalogue(aCatalogue());
    expect(skillLabel(catalogue, "old_tool")).toBe("Lotus 1-2-3");
    expect(skillLabel(catalogue, "feedback")).toBe("Donner du feedback");
    expect(skillLabel(undefined, "feedback")).toBe("feedback");
  });
});
