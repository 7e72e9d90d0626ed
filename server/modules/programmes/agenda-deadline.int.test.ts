import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pairSessions } from "../../db/schema.ts";
import { cast, createProgramme, menteeProfile, mentorProfile, moveTo, newManager, publishedPair } from "../../test/programme-builders.ts";
import { givenSession } from "../../test/session-builders.ts";
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

    // A participant of the programme reads it, and may not change it.
    const people = await cast(ctx, [{ key: "gerard", profile: menteeProfile(["excel"]), withAccount: true }]);
    await hr.post(`/api/programmes/${programmeId}/enrolments`, { role: "mentee", employeeIds: people.employeeIds("gerard") });
    await moveTo(hr, programmeId, ["enrolment"]);
    const gerard = await people.as("gerard");
    expect((await gerard.get(`/api/programmes/${programmeId}`)).json().agendaDeadlineHours).toBe(336);
    expect((await gerard.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: 1 })).statusCode).toBe(403);
  });

  it("moves the agenda's deadline of the programme's sessions to come, re-arming its reminder, and of no other", async () => {
    const START = new Date("2026-03-02T09:00:00Z");
    ctx.clock.set(START);
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "lea", profile: mentorProfile(["excel"]), withAccount: true },
      { key: "henri", profile: menteeProfile(["excel"]), withAccount: true },
      { key: "chloe", profile: mentorProfile(["excel"]), withAccount: true },
      { key: "gerard", profile: menteeProfile(["excel"]), withAccount: true },
    ]);
    const options = { requiresOnboarding: false, agendaDeadlineHours: 72 };
    const { pairId, programmeId } = await publishedPair(hr, { cast: people, mentor: "lea", mentee: "henri" }, "active", options);
    const other = await publishedPair(hr, { cast: people, mentor: "chloe", mentee: "gerard" }, "active", options);
    const session = (id: string, startsAt: string, status: "scheduled" | "cancelled" = "scheduled") =>
      givenSession(ctx.database, id, { startsAt: new Date(startsAt), status, agendaDeadlineHours: 72 });
    const toCome = await session(pairId, "2026-04-14T10:00:00Z");
    const past = await session(pairId, "2026-03-01T10:00:00Z");
    const cancelled = await session(pairId, "2026-04-28T10:00:00Z", "cancelled");
    const otherProgramme = await session(other.pairId, "2026-04-14T10:00:00Z");
    const ids = [toCome, past, cancelled, otherProgramme];
    // Every agenda reminder already went out.
    await ctx.database.db.update(pairSessions).set({ agendaReminderAt: START }).where(inArray(pairSessions.id, ids));
    const rows = async () => {
      const found = await ctx.database.db.select().from(pairSessions).where(inArray(pairSessions.id, ids));
      const of = (id: string) => found.find((r) => r.id === id);
      return ids.map((id) => [of(id)?.agendaDueAt.toISOString(), of(id)?.agendaReminderAt?.toISOString() ?? null]);
    };
    const before = await rows();

    // Another field's edit, or the same deadline again, moves nothing.
    expect((await hr.patch(`/api/programmes/${programmeId}`, { name: "Renommé", agendaDeadlineHours: 72 })).statusCode).toBe(200);
    expect(await rows()).toEqual(before);

    expect((await hr.patch(`/api/programmes/${programmeId}`, { agendaDeadlineHours: 24 })).statusCode).toBe(200);
    expect(await rows()).toEqual([
      // The session to come: due 24 hours before, its reminder to go out again for the new deadline.
      ["2026-04-13T10:00:00.000Z", null],
      // A session past, a cancelled one, another programme's: as they were.
      ...before.slice(1),
    ]);
    // Its people read the new deadline on the session.
    const items = (await (await people.as("henri")).get(`/api/pairs/${pairId}/sessions`)).json().items as {
      id: string;
      agendaDueAt: string;
    }[];
    expect(items.find((s) => s.id === toCome)?.agendaDueAt).toBe("2026-04-13T10:00:00.000Z");
    const [row] = await ctx.database.db.select().from(pairSessions).where(eq(pairSessions.id, toCome));
    expect(row?.sequence).toBe(0);
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
