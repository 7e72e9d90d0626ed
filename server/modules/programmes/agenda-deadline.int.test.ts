import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, createProgramme, menteeProfile, moveTo, newManager } from "../../test/programme-builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/** A programme's agenda deadline: how many hours before a session its agenda is due (1 hour to 2 weeks, 48 by default). */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe("a programme's agenda deadline", () => {
  it("is 48 hours unless given, is set at creation and edited by its managers, and everyone enrolled reads it", async () => {
    const hr = await newManager(ctx);
    const byDefault = await createProgramme(hr);
    expect((await hr.get(`/api/programmes/${byDefault}`)).json().agendaDeadlineHours).toBe(48);

    const programmeId = await createProgramme(hr, { agendaDeadlineHours: 72 });
    expect((await hr.get(`/api/programmes/${programmeId}`)).json().agendaDeadlineHours).toBe(72);
    const updated = await hr.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: 24 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().agendaDeadlineHours).toBe(24);
    // Another field's edit leaves it as it is.
    expect((await hr.patch(`/api/programmes/${programmeId}`, { name: "Renommé" })).json().agendaDeadlineHours).toBe(24);
    expect((await hr.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: 336 })).json().agendaDeadlineHours).toBe(336);

    // A participant of the programme reads it (the sessions' deadlines follow it), and may not change it.
    const people = await cast(ctx, [{ key: "gerard", profile: menteeProfile(["excel"]), withAccount: true }]);
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", employeeIds: people.employeeIds("gerard") });
    await moveTo(hr, programmeId, ["enrolment"]);
    const gerard = await people.as("gerard");
    expect((await gerard.get(`/api/programmes/${programmeId}`)).json().agendaDeadlineHours).toBe(336);
    expect((await gerard.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: 1 })).statusCode).toBe(403);
  });

  it("refuses a deadline out of 1 to 336 whole hours with an error on the field, and writes nothing", async () => {
    const hr = await newManager(ctx);
    const programmeId = await createProgramme(hr);
    for (const [value, message] of [
      [0, "Doit être au moins 1."],
      [337, "Doit être au plus 336."],
      [12.5, expect.any(String)],
      ["48", expect.any(String)],
    ] as const) {
      const response = await hr.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: value });
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json().error.details, String(value)).toEqual([{ path: "agendaDeadlineHours", message }]);
    }
    await expect(createProgramme(hr, { agendaDeadlineHours: 0 })).rejects.toThrow(/^programme not created: 400 .*agendaDeadlineHours/);
    expect((await hr.get(`/api/programmes/${programmeId}`)).json().agendaDeadlineHours).toBe(48);
  });
});
