import { describe, expect, it } from "vitest";
import { MAX_OPEN_PROPOSALS, PROPOSAL_STATUSES } from "../../../contracts/pairs.ts";
import {
  checkAccept,
  checkMenteeMayPropose,
  checkMenteeOf,
  checkMentorOf,
  decideAccepted,
  decideDecline,
  decideExpiry,
  decideSend,
  decideWithdraw,
  type ProposalFacts,
  remindersDueBefore,
  withdrawnNotices,
} from "./proposals.domain.ts";

const DAY = 24 * 3600 * 1000;
const NOW = new Date("2026-03-10T09:00:00Z");
const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};
const proposal = (extra: Partial<ProposalFacts> = {}): ProposalFacts => ({
  id: "prop-1",
  programmeId: "prog-1",
  menteeId: "bernard",
  mentorId: "ines",
  status: "open",
  createdAt: new Date(NOW.getTime() - DAY),
  expiresAt: new Date(NOW.getTime() + 6 * DAY),
  ...extra,
});

describe("who may propose", () => {
  const may = (facts: Partial<Parameters<typeof checkMenteeMayPropose>[0]>) => () =>
    checkMenteeMayPropose({
      enrolment: { role: "mentee", status: "joined", isSetAside: false },
      isVisible: true,
      acceptsProposals: true,
      ...facts,
    });

  it("is a mentee of a visible programme taking proposals, not set aside, even before answering", () => {
    expect(codeOf(may({}))).toBeNull();
    expect(codeOf(may({ enrolment: { role: "mentee", status: "invited", isSetAside: false } }))).toBeNull();
  });

  it("is nobody else: hidden or not enrolled 404, a mentor or someone who declined 403, set aside or closed 409", () => {
    expect(codeOf(may({ enrolment: undefined }))).toBe("NOT_FOUND");
    // A draft is announced to nobody: "not found" before anything that would reveal it.
    expect(codeOf(may({ isVisible: false, enrolment: { role: "mentor", status: "declined", isSetAside: true } }))).toBe("NOT_FOUND");
    expect(codeOf(may({ enrolment: { role: "mentor", status: "joined", isSetAside: false } }))).toBe("FORBIDDEN");
    expect(codeOf(may({ enrolment: { role: "mentee", status: "declined", isSetAside: false } }))).toBe("FORBIDDEN");
    expect(codeOf(may({ enrolment: { role: "mentee", status: "joined", isSetAside: true } }))).toBe("PAIR_NOT_ALLOWED");
    expect(codeOf(may({ acceptsProposals: false }))).toBe("PROPOSALS_CLOSED");
  });
});

describe("sending a proposal", () => {
  const send = (mentee: Partial<Parameters<typeof decideSend>[0]["mentee"]> = {}, extra: Partial<Parameters<typeof decideSend>[0]> = {}) =>
    decideSend({
      proposalId: "prop-9",
      programme: { id: "prog-1", name: "Pilote", proposalExpiryDays: 7 },
      mentee: { id: "bernard", name: "Bernard Durand", hasOpenPair: false, openProposals: 0, proposedTo: new Set(), ...mentee },
      mentorId: "ines",
      mentorEnrolment: { role: "mentor", status: "joined" },
      body: { goals: "Animer ma page LinkedIn", offer: "Préparer un comité de direction" },
      now: NOW,
      ...extra,
    });

  it("writes an open proposal expiring after the programme's days, and tells the mentor who sent it", () => {
    const decision = send();
    expect(decision.proposal).toEqual({
      id: "prop-9",
      programmeId: "prog-1",
      menteeId: "bernard",
      mentorId: "ines",
      goals: "Animer ma page LinkedIn",
      offer: "Préparer un comité de direction",
      status: "open",
      createdAt: NOW,
      expiresAt: new Date("2026-03-17T09:00:00Z"),
    });
    expect(decision.notices).toEqual([
      {
        personId: "ines",
        kind: "proposal_received",
        params: { programmeName: "Pilote", menteeName: "Bernard Durand", proposalId: "prop-9" },
        link: "/proposals",
      },
    ]);
  });

  it("is refused to a mentee already paired, with too many open, to someone not a mentor there, or twice to one mentor", () => {
    expect(codeOf(() => send({ hasOpenPair: true }))).toBe("ALREADY_PAIRED");
    expect(codeOf(() => send({ openProposals: MAX_OPEN_PROPOSALS - 1 }))).toBeNull();
    expect(codeOf(() => send({ openProposals: MAX_OPEN_PROPOSALS }))).toBe("TOO_MANY_PROPOSALS");
    for (const mentorEnrolment of [undefined, { role: "mentee", status: "joined" }, { role: "mentor", status: "declined" }] as const) {
      let refusal: unknown;
      try {
        send({}, { mentorEnrolment });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: "VALIDATION_ERROR", details: [{ path: "mentorId", messageKey: "fields.notEnrolledAs" }] });
    }
    expect(codeOf(() => send({ proposedTo: new Set(["ines"]) }))).toBe("PROPOSAL_EXISTS");
  });
});

describe("answering a proposal", () => {
  it("is for its mentor only: the mentee who sent it 403, anyone else (or no person) 404", () => {
    expect(codeOf(() => checkMentorOf(proposal(), "ines"))).toBeNull();
    expect(codeOf(() => checkMentorOf(proposal(), "bernard"))).toBe("FORBIDDEN");
    expect(codeOf(() => checkMentorOf(proposal(), "chloe"))).toBe("NOT_FOUND");
    expect(codeOf(() => checkMentorOf(proposal(), null))).toBe("NOT_FOUND");
  });

  it("withdrawing is for its mentee only: its mentor 403, anyone else 404", () => {
    expect(codeOf(() => checkMenteeOf(proposal(), "bernard"))).toBeNull();
    expect(codeOf(() => checkMenteeOf(proposal(), "ines"))).toBe("FORBIDDEN");
    expect(codeOf(() => checkMenteeOf(proposal(), "chloe"))).toBe("NOT_FOUND");
    expect(codeOf(() => checkMenteeOf(proposal(), null))).toBe("NOT_FOUND");
  });

  it("accepts only before expiry, while the programme takes proposals, with a place left and a free mentee", () => {
    const accept = (facts: Partial<Parameters<typeof checkAccept>[0]>) => () =>
      checkAccept({
        proposal: proposal(),
        acceptsProposals: true,
        mentorOpenPairs: 1,
        mentorCapacity: 2,
        menteeHasOpenPair: false,
        now: NOW,
        ...facts,
      });
    expect(codeOf(accept({}))).toBeNull();
    expect(codeOf(accept({ proposal: proposal({ expiresAt: NOW }) }))).toBe("PROPOSAL_EXPIRED");
    expect(codeOf(accept({ acceptsProposals: false }))).toBe("PROPOSALS_CLOSED");
    expect(codeOf(accept({ mentorOpenPairs: 2 }))).toBe("MENTOR_FULL");
    let refusal: unknown;
    try {
      accept({ menteeHasOpenPair: true })();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "ALREADY_PAIRED", messageKey: "errors.menteeAlreadyPaired" });
  });

  it("once accepted: linked to its pair, the mentee's other open proposals withdrawn, the mentee, those mentors and the managers told", () => {
    const decision = decideAccepted(proposal(), {
      pairId: "pair-1",
      othersOpen: [
        { id: "prop-2", mentorId: "chloe" },
        { id: "prop-3", mentorId: "yanis" },
      ],
      programmeName: "Pilote",
      mentorName: "Inès Martin",
      menteeName: "Bernard Roux",
      now: NOW,
    });
    expect(decision.accepted).toEqual({ ids: ["prop-1"], status: "accepted", decidedAt: NOW });
    // The managers learn of a pair formed without them, with a link to the programme's pairs.
    expect(decision.managersNotice).toEqual({
      kind: "managers_pair_formed",
      params: { programmeName: "Pilote", mentorName: "Inès Martin", menteeName: "Bernard Roux", pairId: "pair-1" },
      link: "/programmes/prog-1?tab=pairs",
    });
    expect(decision.withdrawn).toEqual({ ids: ["prop-2", "prop-3"], status: "withdrawn", decidedAt: NOW });
    // Only those the withdrawal changed: one may have been answered meanwhile.
    expect(decision.notices([{ id: "prop-2", mentorId: "chloe" }])).toEqual([
      { personId: "bernard", kind: "proposal_accepted", params: { programmeName: "Pilote", proposalId: "prop-1" }, link: "/pairs/pair-1" },
      { personId: "chloe", kind: "proposal_withdrawn", params: { programmeName: "Pilote", proposalId: "prop-2" }, link: "/proposals" },
    ]);
  });

  it("declines with the mentor's reason, which the mentee reads, and tells the mentee", () => {
    const decision = decideDecline(proposal(), "Je pars en congé", "Pilote", NOW);
    expect(decision.change).toEqual({ ids: ["prop-1"], status: "declined", decidedAt: NOW, declineReason: "Je pars en congé" });
    expect(decision.notices).toEqual([
      { personId: "bernard", kind: "proposal_declined", params: { programmeName: "Pilote", proposalId: "prop-1" }, link: "/proposals" },
    ]);
    expect(decideDecline(proposal(), undefined, "Pilote", NOW).change.declineReason).toBeNull();
  });

  it("withdraws at the mentee's request and tells the mentor", () => {
    const decision = decideWithdraw(proposal(), "Pilote", NOW);
    expect(decision.change).toEqual({ ids: ["prop-1"], status: "withdrawn", decidedAt: NOW });
    expect(decision.notices).toEqual([
      { personId: "ines", kind: "proposal_withdrawn", params: { programmeName: "Pilote", proposalId: "prop-1" }, link: "/proposals" },
    ]);
  });

  it("answers a proposal once: declining or withdrawing one no longer open is a 409", () => {
    for (const status of PROPOSAL_STATUSES.filter((s) => s !== "open")) {
      expect(
        codeOf(() => decideDecline(proposal({ status }), null, "", NOW)),
        status,
      ).toBe("PROPOSAL_NOT_OPEN");
      expect(
        codeOf(() => decideWithdraw(proposal({ status }), "", NOW)),
        status,
      ).toBe("PROPOSAL_NOT_OPEN");
    }
  });
});

describe("proposals withdrawn when people leave or the programme closes", () => {
  const withdrawn = [
    { id: "p1", mentorId: "ines", menteeId: "bernard" },
    { id: "p2", mentorId: "chloe", menteeId: "sylvie" },
  ];

  it("tell the other side of each, never the people leaving", () => {
    expect(withdrawnNotices(withdrawn, ["bernard"], "Pilote").map((n) => [n.personId, n.params.proposalId])).toEqual([
      ["ines", "p1"],
      ["chloe", "p2"],
      ["sylvie", "p2"],
    ]);
  });

  it("tell both people of each when the programme closes", () => {
    expect(withdrawnNotices(withdrawn, null, "Pilote").map((n) => n.personId)).toEqual(["ines", "bernard", "chloe", "sylvie"]);
    expect(withdrawnNotices(withdrawn, null, "Pilote")[0]).toEqual({
      personId: "ines",
      kind: "proposal_withdrawn",
      params: { programmeName: "Pilote", proposalId: "p1" },
      link: "/proposals",
    });
  });
});

describe("the expiry sweep", () => {
  const names = new Map([["prog-1", "Pilote"]]);

  it("looks two days ahead for the reminders", () => {
    expect(remindersDueBefore(NOW)).toEqual(new Date("2026-03-12T09:00:00Z"));
  });

  it("reminds the mentor of a proposal expiring within two days, once half its time has passed", () => {
    const due = proposal({ createdAt: new Date(NOW.getTime() - 5 * DAY), expiresAt: new Date(NOW.getTime() + 2 * DAY) });
    const decision = decideExpiry([due], [], names, NOW);
    expect(decision.remindedIds).toEqual(["prop-1"]);
    expect(decision.expired.ids).toEqual([]);
    expect(decision.notices).toEqual([
      {
        personId: "ines",
        kind: "proposal_expiring",
        params: { programmeName: "Pilote", proposalId: "prop-1", expiresAt: due.expiresAt.toISOString() },
        link: "/proposals",
      },
    ]);
  });

  it("does not flag a short proposal as soon as it arrives", () => {
    const young = proposal({ createdAt: new Date(NOW.getTime() - 0.5 * DAY), expiresAt: new Date(NOW.getTime() + 1.5 * DAY) });
    expect(decideExpiry([young], [], names, NOW).remindedIds).toEqual([]);
  });

  it("expires those past their date and tells both people, without reminding them too", () => {
    const past = proposal({ expiresAt: NOW });
    const decision = decideExpiry([past], [past], names, NOW);
    expect(decision.remindedIds).toEqual([]);
    expect(decision.expired).toEqual({ ids: ["prop-1"], status: "expired", decidedAt: NOW });
    expect(decision.notices.map((n) => [n.personId, n.kind])).toEqual([
      ["bernard", "proposal_expired"],
      ["ines", "proposal_expired"],
    ]);
  });
});
