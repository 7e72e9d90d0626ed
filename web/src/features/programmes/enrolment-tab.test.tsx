import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { EnrolmentBoard } from "../../../../contracts/programmes.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { renderWithProviders } from "../../test/render.tsx";
import { EnrolmentTab } from "./enrolment-tab.tsx";
import { anEnrolment, aProgramme, BERNARD, INES } from "./test-data.ts";

const BOARD = "GET /api/programmes/:id/enrolments";
const REMOVE = "DELETE /api/programmes/:id/enrolments/:personId";

function aBoard(items: EnrolmentBoard["items"]): EnrolmentBoard {
  const none = { invited: 0, joined: 0, declined: 0 };
  return {
    counts: { mentor: none, mentee: none, completeness: { complete: 0, incomplete: 0, none: 0 }, setAside: 0, needsRematch: 0 },
    items,
    total: items.length,
    page: 1,
    pageSize: 25,
  };
}

describe("the enrolment board", () => {
  it("shows each person's employee id and department with their name, and the filters of the address", async () => {
    const api = fakeApi({ [BOARD]: () => aBoard([anEnrolment(BERNARD), anEnrolment(INES, { role: "mentor", capacity: 2 })]) });
    renderWithProviders(<EnrolmentTab programme={aProgramme({ phase: "enrolment" })} />, {
      route: "/programmes/x?tab=enrolment&completeness=incomplete&role=mentee",
    });

    const table = await screen.findByRole("table", { name: "Personnes inscrites" });
    const bernard = (await within(table).findByText("Bernard Petit")).closest("tr") as HTMLElement;
    expect(within(bernard).getByText(`${anEnrolment(BERNARD).employeeId} · Ventes`)).toBeTruthy();
    expect((within(table).getByRole("textbox", { name: "Capacité de Inès Haddad" }) as HTMLInputElement).value).toBe("2");
    expect(Object.fromEntries(api.calls(BOARD)[0]?.query ?? [])).toEqual({
      completeness: "incomplete",
      role: "mentee",
      page: "1",
      pageSize: "25",
    });
  });

  it("says how to start when nobody is enrolled yet", async () => {
    fakeApi({ [BOARD]: () => aBoard([]) });
    renderWithProviders(<EnrolmentTab programme={aProgramme({ phase: "draft" })} />);

    expect(await screen.findByText(/Personne n’est inscrit pour l’instant/)).toBeTruthy();
  });

  it("removes a person from the programme only once the manager confirms", async () => {
    const api = fakeApi({ [BOARD]: () => aBoard([anEnrolment(BERNARD)]), [REMOVE]: () => new Response(null, { status: 204 }) });
    const { user } = renderWithProviders(<EnrolmentTab programme={aProgramme({ phase: "enrolment" })} />);

    await user.click(await screen.findByRole("button", { name: "Retirer Bernard Petit du programme" }));
    const dialog = await screen.findByRole("dialog", { name: "Retirer Bernard Petit ?" });
    expect(api.calls(REMOVE)).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Retirer" }));
    await waitFor(() => expect(api.calls(REMOVE)[0]?.params.personId).toBe(BERNARD.id));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
