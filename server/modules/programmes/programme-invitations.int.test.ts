import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, programmeIn } from "../../test/programme-builders.ts";
import { type SmtpTestServer, startSmtpTestServer } from "../../test/smtp-test-server.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";

/**
 * A programme's people and their accounts: publishing a run invites by email those enrolled without an
 * account (the publish dialog lists them first), and the managers hear of a declined enrolment.
 */
let smtp: SmtpTestServer;
let ctx: TestContext;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  ctx = await createTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

describe("publishing a run", () => {
  it("lists first who has no account or has not answered, then invites by email those without an account", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
      { key: "yanis", profile: mentorProfile(["excel"]) },
      { key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true },
      { key: "odile", profile: menteeProfile(["excel"]) },
    ]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentors: ["ines", "yanis"], mentees: ["bernard", "odile"] });
    expect((await (await people.as("ines")).post(`/api/programmes/${programmeId}/respond`, { accept: true })).statusCode).toBe(200);
    await hr.post(`/api/programmes/${programmeId}/phase`, { phase: "matching" });

    const preview = await hr.get(`/api/programmes/${programmeId}/publish-preview`);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ withoutAccount: 2, notAnswered: 1, total: 3 });
    expect(
      body.people.map((p: { person: { id: string }; receives: string; hasAccount: boolean; hasAnswered: boolean }) => [
        people.keyOf(p.person.id),
        p.receives,
        p.hasAccount,
        p.hasAnswered,
      ]),
    ).toEqual([
      ["bernard", "notification", true, false],
      ["odile", "invitation", false, false],
      ["yanis", "invitation", false, false],
    ]);
    const bernard = await people.as("bernard");
    expect((await bernard.get(`/api/programmes/${programmeId}/publish-preview`)).statusCode).toBe(403);

    const run = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const published = await hr.post(`/api/programmes/${programmeId}/matching-runs/${run.id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json()).toEqual({ created: 2, skipped: 0, invitation: { batchId: expect.any(String), invited: 2 } });

    await ctx.runJobs();
    const batch = (await hr.get(`/api/invitation-batches/${published.json().invitation.batchId}`)).json();
    expect(batch).toMatchObject({ status: "done", total: 2, done: 2 });
    const invitationsTo = (key: string) =>
      smtp.to(`${people.employeeIds(key)[0]}@exemple.fr`).filter((m) => m.subject.includes("vous invite sur Passerelle"));
    for (const key of ["yanis", "odile"]) {
      const mails = invitationsTo(key);
      expect(mails, key).toHaveLength(1);
      expect(mails[0]?.text).toContain("à rejoindre le programme « Pilote mentorat inversé »");
    }
    expect(invitationsTo("bernard")).toHaveLength(0);
    expect(invitationsTo("ines")).toHaveLength(0);

    // Once they have their accounts, a later publication (a rematch) invites nobody again.
    expect((await hr.get(`/api/programmes/${programmeId}/publish-preview`)).json()).toMatchObject({ withoutAccount: 0 });
  });
});

describe("a declined enrolment", () => {
  it("is told to the managers, once, naming the person and the programme", async () => {
    const hr = await newManager(ctx);
    const people = await cast(ctx, [{ key: "bernard", profile: menteeProfile(["prompting"]), withAccount: true }]);
    const programmeId = await programmeIn(hr, "enrolment", { cast: people, mentees: ["bernard"] });
    const bernard = await people.as("bernard");
    expect((await bernard.post(`/api/programmes/${programmeId}/respond`, { accept: false })).statusCode).toBe(200);
    expect((await bernard.post(`/api/programmes/${programmeId}/respond`, { accept: false })).statusCode).toBe(200);

    const declines = ((await hr.get("/api/me/notifications")).json().items as { kind: string; params: object; link: string }[]).filter(
      (n) => n.kind === "managers_enrolment_declined" && n.link === `/programmes/${programmeId}`,
    );
    expect(declines).toHaveLength(1);
    expect(declines[0]?.params).toEqual({ personName: "Bernard Test", programmeName: "Pilote mentorat inversé" });
    // The participant is not told of their own answer.
    expect(((await bernard.get("/api/me/notifications")).json().items as { kind: string }[]).map((n) => n.kind)).not.toContain(
      "managers_enrolment_declined",
    );
  });
});
