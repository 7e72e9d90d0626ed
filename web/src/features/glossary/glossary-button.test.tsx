import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { GlossaryButton } from "./glossary-button.tsx";
import { GLOSSARY, list } from "./test-data.ts";

describe("GlossaryButton", () => {
  it("opens the glossary in a drawer and searches it", async () => {
    const api = fakeApi({
      "GET /api/glossary": ({ query }) => list(query.get("q") ? GLOSSARY.filter((t) => t.term.includes("growth")) : GLOSSARY),
      "GET /api/skills": () => ({ categories: [], skills: [] }),
    });
    const { user } = renderWithProviders(<GlossaryButton />);
    expect(api.calls("GET /api/glossary")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Glossaire" }));
    const drawer = await screen.findByRole("dialog", { name: "Le glossaire" });
    expect(await within(drawer).findByText("4 termes")).toBeTruthy();
    await user.type(within(drawer).getByRole("searchbox", { name: /Rechercher un terme/ }), "growth");
    await waitFor(() => expect(api.calls("GET /api/glossary").at(-1)?.query.get("q")).toBe("growth"));
    expect(await within(drawer).findByText("Un terme")).toBeTruthy();
    expect(within(drawer).getByRole("heading", { name: "growth hacking" })).toBeTruthy();
    expect(within(drawer).getByText("Des techniques de marketing rapides et mesurées.")).toBeTruthy();

    await user.click(within(drawer).getByRole("button", { name: "Voir en anglais" }));
    expect(within(drawer).getByText("Quick, measured marketing techniques.")).toBeTruthy();
  });
});
