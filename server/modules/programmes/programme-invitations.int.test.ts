import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, menteeProfile, mentorProfile, newManager, programmeIn } from "../../test/programme-builders.ts";
import { type SmtpTestServer, startTestAppWithSmtp } from "../../test/smtp-test-server.ts";
import { TestClient, type TestContext } from "../../test/test-app.ts";

/**
 * A programme's people and their accounts: publishing a run invites by email those enrolled without an
 * account (the publish dialog lists them first), and the managers hear of a declined enrolment.
 */
let smtp: SmtpTestServer;
let ctx: TestContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, ctx, close } = await startTestAppWithSmtp());
});
afterAll(() => close());

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

describe("publishing a run to people invited but not activated", () => {
  const DAY = 24 * 3_600_000;

  it("invites again those whose invitation expired, not those whose link still works, and the dialog says so", async () => {
    const people = await cast(ctx, [
      { key: "ines", profile: mentorProfile(["prompting"]), withAccount: true },
      { key: "yanis", profile: mentorProfile(["excel"]) },
      { key: "bernard", profile: menteeProfile(["prompting"]) },
      { key: "odile", profile: menteeProfile(["excel"]) },
    ]);
    const emailOf = (key: string) => `${people.employeeIds(key)[0]}@exemple.fr`;
    const inviteByHand = async (key: string) => {
      const invited = await (await newManager(ctx)).post("/api/admin/invitations", {
        email: emailOf(key),
        displayName: key,
        roles: ["participant"],
      });
      expect(invited.statusCode).toBe(201);
      await ctx.runJobs();
    };
    // Bernard's invitation expires (7 days); Odile's, sent a day before publishing, still works.
    await inviteByHand("bernard");
    ctx.clock.advance(7 * DAY);
    await inviteByHand("odile");
    ctx.clock.advance(DAY);
    const hr = await newManager(ctx);
    const programmeId = await programmeIn(hr, "matching", { cast: people, mentors: ["ines", "yanis"], mentees: ["bernard", "odile"] });

    const preview = (await hr.get(`/api/programmes/${programmeId}/publish-preview`)).json();
    expect(preview).toMatchObject({ withoutAccount: 1, invitationExpired: 1, invitationOpen: 1, notAnswered: 1, total: 4 });
    expect((preview.people as { person: { id: string }; receives: string }[]).map((p) => [people.keyOf(p.person.id), p.receives])).toEqual([
      ["bernard", "new_invitation"],
      ["odile", "open_invitation"],
      ["ines", "notification"],
      ["yanis", "invitation"],
    ]);

    const mark = { bernard: smtp.to(emailOf("bernard")).length, odile: smtp.to(emailOf("odile")).length };
    const run = (await hr.post(`/api/programmes/${programmeId}/matching-runs`, {})).json();
    const published = await hr.post(`/api/programmes/${programmeId}/matching-runs/${run.id}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json().invitation).toEqual({ batchId: expect.any(String), invited: 2 });
    await ctx.runJobs();
    expect((await hr.get(`/api/invitation-batches/${published.json().invitation.batchId}`)).json()).toMatchObject({
      status: "done",
      total: 2,
      done: 2,
    });

    const [again, ...more] = smtp.to(emailOf("bernard")).slice(mark.bernard);
    expect(more).toHaveLength(0);
    expect(again?.subject).toContain("vous invite sur Passerelle");
    expect(again?.text).toContain("à rejoindre le programme « Pilote mentorat inversé »");
    const token = /\/invitation\/([\w-]+)/.exec(again?.text ?? "")?.[1];
    expect((await new TestClient(ctx.app).get(`/api/invitations/${token}`)).statusCode).toBe(200);
    // Odile still has her link: nothing new for her.
    expect(smtp.to(emailOf("odile")).slice(mark.odile)).toHaveLength(0);
    expect(smtp.to(emailOf("yanis")).filter((m) => m.subject.includes("vous invite sur Passerelle"))).toHaveLength(1);

    expect((await hr.get(`/api/programmes/${programmeId}/publish-preview`)).json()).toMatchObject({
      withoutAccount: 0,
      invitationExpired: 0,
      invitationOpen: 3,
    });
  });
});
