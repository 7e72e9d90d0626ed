import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { SettingsTab } from "./settings-tab.tsx";
import { aProgramme } from "./test-data.ts";

const UPDATE = "PATCH /api/programmes/:id";
const LABEL = "Délai pour préparer l’ordre du jour (heures avant la séance)";

describe("the programme's settings: the agenda deadline", () => {
  it("is edited in hours before the session and saved with the programme", async () => {
    const api = fakeApi({
      [UPDATE]: ({ body }) => aProgramme({ agendaDeadlineHours: (body as { agendaDeadlineHours: number }).agendaDeadlineHours }),
    });
    const { user } = renderWithProviders(<SettingsTab programme={aProgramme({ agendaDeadlineHours: 48 })} />);
    const field = screen.getByRole("textbox", { name: LABEL });
    expect((field as HTMLInputElement).value).toBe("48 h");
    expect(screen.getByText(/De 1 à 336 heures/)).toBeTruthy();
    await user.clear(field);
    await user.type(field, "72");
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    await waitFor(() => expect(api.calls(UPDATE)).toHaveLength(1));
    expect(api.calls(UPDATE)[0]?.body).toMatchObject({ agendaDeadlineHours: 72 });
  });

  it("stays within 1 to 336 hours, and is required, before anything is sent", async () => {
    const api = fakeApi({ [UPDATE]: () => aProgramme() });
    const { user } = renderWithProviders(<SettingsTab programme={aProgramme()} />);
    const field = screen.getByRole("textbox", { name: LABEL }) as HTMLInputElement;
    await user.clear(field);
    await user.type(field, "500");
    await user.tab();
    expect(field.value).toBe("336 h");
    await user.clear(field);
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    expect(await screen.findByText("Ce champ est obligatoire.")).toBeTruthy();
    expect(api.calls(UPDATE)).toHaveLength(0);
  });

  it("shows the server's field error under the field", async () => {
    fakeApi({
      [UPDATE]: () =>
        apiError(400, "VALIDATION_ERROR", "Certaines informations sont invalides.", [
          { path: "agendaDeadlineHours", message: "Doit être au plus 336." },
        ]),
    });
    const { user } = renderWithProviders(<SettingsTab programme={aProgramme()} />);
    await user.click(screen.getByRole("button", { name: "Enregistrer les paramètres" }));
    expect(await screen.findByText("Doit être au plus 336.")).toBeTruthy();
  });
});
