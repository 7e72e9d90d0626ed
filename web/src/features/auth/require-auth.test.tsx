import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { aUser } from "../admin/test-data.ts";
import { RequireAuth, RequireRole } from "./require-auth.tsx";

describe("RequireAuth", () => {
  it("sends a logged-out visitor to the login page, to come back afterwards", async () => {
    fakeApi({ "GET /api/me": () => apiError(401, "UNAUTHENTICATED", "Connectez-vous pour continuer.") });
    const { location } = renderWithProviders(
      <Routes>
        <Route path="/login" element={<p>Connexion</p>} />
        <Route
          path="*"
          element={
            <RequireAuth>
              <p>Page privée</p>
            </RequireAuth>
          }
        />
      </Routes>,
      { route: "/programmes?tab=pairs" },
    );
    expect(await screen.findByText("Connexion")).toBeTruthy();
    expect(location().pathname).toBe("/login");
    expect(new URLSearchParams(location().search).get("next")).toBe("/programmes?tab=pairs");
    expect(screen.queryByText("Page privée")).toBeNull();
  });

  it("shows a page to the roles it is for, and says it is reserved to the others", async () => {
    fakeApi({ "GET /api/me": () => aUser({ roles: ["participant"] }) });
    renderWithProviders(
      <RequireAuth>
        <RequireRole roles={["participant"]}>
          <p>Mes binômes</p>
        </RequireRole>
        <RequireRole roles={["admin", "manager"]}>
          <p>Import RH</p>
        </RequireRole>
      </RequireAuth>,
    );
    expect(await screen.findByText("Mes binômes")).toBeTruthy();
    expect(screen.queryByText("Import RH")).toBeNull();
    expect(screen.getByText("Accès réservé")).toBeTruthy();
  });
});
