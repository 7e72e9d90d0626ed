import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { GlossaryText } from "./glossary-text.tsx";
import { GLOSSARY, list } from "./test-data.ts";

describe("GlossaryText", () => {
  it("links the glossary's terms to their definition, in French", async () => {
    fakeApi({ "GET /api/glossary": () => list(GLOSSARY) });
    const { user } = renderWithProviders(
      <GlossaryText text={"Ordre du jour : revoir le crud des clients\net le Tableau croise dynamique."} />,
    );
    const link = await screen.findByRole("button", { name: "crud" });
    expect(screen.getByRole("button", { name: "Tableau croise dynamique" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /clients/ })).toBeNull();

    await user.click(link);
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("CRUD")).toBeTruthy();
    expect(within(dialog).getByText("Créer, lire, modifier, supprimer : les quatre opérations sur des données.")).toBeTruthy();
    expect(within(dialog).getByText("Le fichier clients est un simple CRUD.")).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "Voir dans le glossaire" }).getAttribute("href")).toBe("/glossary?q=CRUD");
  });

  it("asks the API once for many texts", async () => {
    const api = fakeApi({ "GET /api/glossary": () => list(GLOSSARY) });
    renderWithProviders(
      <>
        <GlossaryText text="Une API" />
        <GlossaryText text="Du growth hacking" />
        <GlossaryText text="Rien de technique" />
      </>,
    );
    expect(await screen.findByRole("button", { name: "API" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "growth hacking" })).toBeTruthy();
    expect(screen.getByText("Rien de technique")).toBeTruthy();
    expect(api.calls("GET /api/glossary")).toHaveLength(1);
    expect(api.calls("GET /api/glossary")[0]?.query.toString()).toBe("");
  });

  it("shows the text as it is while the terms load, or when they cannot", async () => {
    fakeApi({});
    renderWithProviders(<GlossaryText text="Revoir le CRUD" />);
    expect(screen.getByText("Revoir le CRUD")).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole("button")).toBeNull();
  });
});
