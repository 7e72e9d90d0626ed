import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { SkillPicker } from "./skill-picker.tsx";
import { aCatalogue, aSkill } from "./test-data.ts";

describe("SkillPicker", () => {
  it("suggests skills for what someone types, leaving out archived, picked and other-family skills", async () => {
    const catalogue = aCatalogue();
    const byId = (id: string) => aSkill(catalogue.skills.find((skill) => skill.id === id));
    const api = fakeApi({
      "GET /api/skills": () => catalogue,
      "GET /api/skills/search": () => ({
        items: [
          { skill: byId("spreadsheets"), matchedTerm: "excel" },
          { skill: byId("slides"), matchedTerm: "powerpoint" },
          { skill: byId("old_tool"), matchedTerm: "tableur" },
          { skill: byId("feedback"), matchedTerm: "feedback" },
        ],
      }),
    });
    const onPick = vi.fn();
    const { user } = renderWithProviders(<SkillPicker family="digital" exclude={["slides"]} onPick={onPick} />);

    await user.type(screen.getByRole("searchbox", { name: "Rechercher une compétence" }), "excel");
    const option = await screen.findByRole("option", { name: /Tableur/ });
    expect(screen.getByText("trouvée via « excel »")).toBeTruthy();
    expect(screen.getAllByRole("option")).toHaveLength(1);
    // Asked once typing paused: not for each letter.
    expect(api.calls("GET /api/skills/search").map((call) => call.query.get("q"))).toEqual(["excel"]);

    await user.click(option);
    expect(onPick).toHaveBeenCalledWith("spreadsheets");
  });
});
