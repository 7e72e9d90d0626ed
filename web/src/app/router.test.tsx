import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testQueryClient } from "../test/render.tsx";
import { UiProviders } from "./providers.tsx";
import { createRoutes } from "./router.tsx";

/** The API of a logged-out visitor on an instance that is set up. */
function loggedOutApi() {
  return vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/setup/status") return Response.json({ isSetupRequired: false });
    return Response.json({ error: { code: "UNAUTHENTICATED", message: "Connectez-vous." } }, { status: 401 });
  });
}

function renderApp(url: string) {
  const router = createMemoryRouter(createRoutes(), { initialEntries: [url] });
  render(
    <QueryClientProvider client={testQueryClient()}>
      <UiProviders env="test">
        <RouterProvider router={router} />
      </UiProviders>
    </QueryClientProvider>,
  );
  return router;
}

describe("routes", () => {
  beforeEach(() => vi.stubGlobal("fetch", loggedOutApi()));
  afterEach(() => vi.unstubAllGlobals());

  it("load the login page on demand", async () => {
    renderApp("/login");
    expect(await screen.findByRole("heading", { name: "Connexion" })).toBeTruthy();
  });

  it("send a logged-out visitor of a page to the login page, and back afterwards", async () => {
    const router = renderApp("/programmes?phase=running");
    // The router loads the matched pages' code first: its first transform can outlast the default second.
    expect(await screen.findByRole("heading", { name: "Connexion" }, { timeout: 5000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent("/programmes?phase=running")}`);
  });

  it("show the not-found page for an unknown address", async () => {
    renderApp("/nowhere");
    expect(await screen.findByRole("heading", { name: "Page introuvable" })).toBeTruthy();
  });
});
