import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { UiProviders } from "./providers.tsx";
import { RouteError } from "./route-error.tsx";

function renderRoute(lazyError: Error) {
  const router = createMemoryRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          path: "/",
          lazy: async () => {
            throw lazyError;
          },
        },
      ],
    },
  ]);
  render(
    <UiProviders env="test">
      <RouterProvider router={router} />
    </UiProviders>,
  );
}

describe("RouteError", () => {
  it("asks to reload when a page's code is gone after an update", async () => {
    renderRoute(new TypeError("Failed to fetch dynamically imported module: /assets/login-page-abc123.js"));
    expect(await screen.findByText("Passerelle a été mise à jour : rechargez la page pour continuer.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Recharger la page" })).toBeTruthy();
  });

  it("says something went wrong otherwise", async () => {
    renderRoute(new Error("boom"));
    expect(await screen.findByText("Une erreur inattendue s’est produite. Réessayez plus tard.")).toBeTruthy();
  });
});
