import { describe, expect, it } from "vitest";
import { normaliseGlossaryText } from "../../../contracts/glossary.ts";
import { AppError } from "../../platform/errors/app-error.ts";
import {
  canSee,
  decideApproval,
  decideRejection,
  duplicateOf,
  listScope,
  presentTerm,
  rankTerms,
  type StoredTerm,
  searchTextOf,
} from "./glossary.domain.ts";

const ME = "00000000-0000-4000-8000-000000000001";
const participant = { personId: ME, roles: ["participant" as const] };
const other = { personId: "00000000-0000-4000-8000-000000000002", roles: ["participant" as const] };
const manager = { personId: null, roles: ["manager" as const] };

function aTerm(values: Partial<StoredTerm> = {}): StoredTerm {
  return {
    id: "00000000-0000-4000-8000-0000000000aa",
    seedKey: null,
    term: "CRUD",
    definitionFr: "Créer, lire, modifier, supprimer.",
    definitionEn: "Create, read, update, delete.",
    exampleFr: "",
    exampleEn: "",
    skillIds: [],
    status: "proposed",
    proposedByPersonId: ME,
    proposerName: "Léa Martin",
    createdAt: new Date("2026-03-01T09:00:00Z"),
    reviewedAt: null,
    ...values,
  };
}

describe("normaliseGlossaryText", () => {
  it.each([
    ["Réseau", "reseau"],
    ["RÉSUMÉ", "resume"],
    ["Tableau croisé-dynamique !", "tableau croise dynamique"],
    ["P&L", "p l"],
    ["Cœur de métier", "coeur de metier"],
    ["C++ et C#", "c++ et c#"],
  ])("%j → %j", (text, expected) => {
    expect(normaliseGlossaryText(text)).toBe(expected);
  });
});

describe("search text and ranking", () => {
  it("searches the term, both definitions and both examples, and never across two of them", () => {
    const text = searchTextOf({
      term: "Growth hacking",
      definition: { fr: "Croître vite", en: "Grow fast" },
      example: { fr: "", en: "Réseau" },
    });
    expect(text).toBe("growth hacking | croitre vite | grow fast | reseau");
    expect(text.includes(normaliseGlossaryText("hacking croître"))).toBe(false);
  });

  it("puts the terms themselves first: exact, starting with, as a word, within; then definitions; each group alphabetically", () => {
    const terms = ["Hacker", "growth hacking", "CRUD", "Hack", "Éthique du hack", "hackathon", "Zapier"].map((term) => ({ term }));
    expect(rankTerms(terms, "HACK").map((t) => t.term)).toEqual([
      "Hack",
      "hackathon",
      "Hacker",
      "Éthique du hack",
      "growth hacking",
      "CRUD",
      "Zapier",
    ]);
    expect(rankTerms(terms, "").map((t) => t.term)).toEqual([
      "CRUD",
      "Éthique du hack",
      "growth hacking",
      "Hack",
      "hackathon",
      "Hacker",
      "Zapier",
    ]);
  });
});

describe("who sees what", () => {
  it("shows approved terms to everyone, a proposal to managers and its proposer only", () => {
    expect(canSee(aTerm({ status: "approved" }), other)).toBe(true);
    expect(canSee(aTerm(), participant)).toBe(true);
    expect(canSee(aTerm(), manager)).toBe(true);
    expect(canSee(aTerm(), other)).toBe(false);
    expect(canSee(aTerm({ status: "rejected" }), other)).toBe(false);
    expect(canSee(aTerm({ proposedByPersonId: null }), { personId: null, roles: ["participant"] })).toBe(false);
  });

  it("lists every proposal for managers, one's own for anyone else", () => {
    expect(listScope("approved", participant)).toEqual({ status: "approved" });
    expect(listScope("proposed", manager)).toEqual({ status: "proposed" });
    expect(listScope("proposed", participant)).toEqual({ status: "proposed", proposerId: ME });
    expect(listScope("rejected", { personId: null, roles: ["participant"] })).toBeNull();
  });

  it("presents the proposer and whether the term is the viewer's", () => {
    expect(presentTerm(aTerm(), participant)).toMatchObject({
      isMine: true,
      isSeeded: false,
      proposedBy: { personId: ME, name: "Léa Martin" },
    });
    expect(presentTerm(aTerm({ seedKey: "crud", proposedByPersonId: null, proposerName: null }), participant)).toMatchObject({
      isMine: false,
      isSeeded: true,
      proposedBy: null,
    });
  });
});

describe("reviews", () => {
  it("approves a term defined in both languages, and names each missing definition otherwise", () => {
    expect(decideApproval(aTerm())).toEqual({ kind: "set", status: "approved", checkDuplicate: false });
    expect(decideApproval(aTerm({ status: "approved" }))).toEqual({ kind: "unchanged" });
    expect(decideApproval(aTerm({ status: "rejected" }))).toEqual({ kind: "set", status: "approved", checkDuplicate: true });
    try {
      decideApproval(aTerm({ definitionEn: " " }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("GLOSSARY_TERM_INCOMPLETE");
      expect((err as AppError).details.map((d) => d.path)).toEqual(["definition.en"]);
    }
  });

  it("rejects a proposed or an approved term once", () => {
    expect(decideRejection(aTerm())).toEqual({ kind: "set", status: "rejected", checkDuplicate: false });
    expect(decideRejection(aTerm({ status: "approved" }))).toMatchObject({ status: "rejected" });
    expect(decideRejection(aTerm({ status: "rejected" }))).toEqual({ kind: "unchanged" });
  });

  it("finds the same term whatever its accents, case or punctuation, but not the term itself", () => {
    const others = [
      { id: "a", term: "Growth-Hacking" },
      { id: "b", term: "Réseau" },
    ];
    expect(duplicateOf("growth hacking", others)?.id).toBe("a");
    expect(duplicateOf("RESEAU", others)?.id).toBe("b");
    expect(duplicateOf("reseau", others, "b")).toBeUndefined();
    expect(duplicateOf("réseaux", others)).toBeUndefined();
  });
});
