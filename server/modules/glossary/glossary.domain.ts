/**
 * The glossary's rules, pure: what is searched, how results are ranked, who sees which term, and
 * what a manager's review changes. The use cases load the terms and carry the decisions out.
 */
import type { Role } from "../../../contracts/accounts.ts";
import { type GlossaryTerm, type GlossaryTermStatus, normaliseGlossaryText } from "../../../contracts/glossary.ts";
import { isManager } from "../../platform/auth/roles.ts";
import { AppError, type ErrorDetail } from "../../platform/errors/app-error.ts";

/** A term as the repository reads it, with its proposer's name (null for a seeded term or one whose proposer left). */
export type StoredTerm = {
  id: string;
  seedKey: string | null;
  term: string;
  definitionFr: string;
  definitionEn: string;
  exampleFr: string;
  exampleEn: string;
  skillIds: string[];
  status: GlossaryTermStatus;
  proposedByPersonId: string | null;
  proposerName: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
};

/** Who is asking: the session's person (null for an account outside the directory) and roles. */
export type Viewer = { personId: string | null; roles: readonly Role[] };

type TermTexts = { term: string; definition: { fr: string; en: string }; example: { fr: string; en: string } };

/**
 * The `search_text` column: the term first, then both definitions and both examples, each normalised
 * (normaliseGlossaryText), separated by " | " — a character no normalised query holds, so a search
 * never matches across two fields.
 */
export function searchTextOf(texts: TermTexts): string {
  return [texts.term, texts.definition.fr, texts.definition.en, texts.example.fr, texts.example.en]
    .map(normaliseGlossaryText)
    .filter(Boolean)
    .join(" | ");
}

const containsWord = (haystack: string, needle: string) => ` ${haystack} `.includes(` ${needle} `);

/**
 * The results in their order: without a search, alphabetically (accents ignored: "écran" among the
 * e's); with one, the terms themselves first — the exact term, a term starting with the search, a
 * term holding it as a word, then anywhere in the term — and then those found in a definition or an example.
 */
export function rankTerms<T extends { term: string }>(terms: readonly T[], query: string): T[] {
  const q = normaliseGlossaryText(query);
  const keyed = terms.map((t) => {
    const name = normaliseGlossaryText(t.term);
    let rank = 0;
    if (q) {
      if (name === q) rank = 0;
      else if (name.startsWith(q)) rank = 1;
      else if (containsWord(name, q)) rank = 2;
      else if (name.includes(q)) rank = 3;
      else rank = 4;
    }
    return { t, name, rank };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "fr") || a.t.term.localeCompare(b.t.term, "fr"));
  return keyed.map((k) => k.t);
}

const isProposerOf = (term: Pick<StoredTerm, "proposedByPersonId">, viewer: Viewer) =>
  viewer.personId !== null && term.proposedByPersonId === viewer.personId;

/** Approved terms are everyone's; a proposed or rejected one is for managers and its proposer only. */
export function canSee(term: Pick<StoredTerm, "status" | "proposedByPersonId">, viewer: Viewer): boolean {
  return term.status === "approved" || isManager(viewer) || isProposerOf(term, viewer);
}

/**
 * Which terms a list of `status` shows the viewer: all of them for approved terms and for managers;
 * otherwise only the viewer's own proposals (none for an account outside the directory).
 */
export function listScope(status: GlossaryTermStatus, viewer: Viewer): { status: GlossaryTermStatus; proposerId?: string } | null {
  if (status === "approved" || isManager(viewer)) return { status };
  return viewer.personId ? { status, proposerId: viewer.personId } : null;
}

/** The same term (normalised) among `others`, which hold the terms a new or changed one must not repeat. */
export function duplicateOf<T extends { id: string; term: string }>(term: string, others: readonly T[], selfId?: string): T | undefined {
  const name = normaliseGlossaryText(term);
  return others.find((o) => o.id !== selfId && normaliseGlossaryText(o.term) === name);
}

/** The 409 of a term the glossary already has, named on the `term` field. */
export function termExists(term: string): AppError {
  return new AppError("GLOSSARY_TERM_EXISTS", {
    params: { term },
    details: [{ path: "term", messageKey: "errors.glossaryTermExists", params: { term } }],
  });
}

export type ReviewDecision = { kind: "unchanged" } | { kind: "set"; status: GlossaryTermStatus; checkDuplicate: boolean };

/**
 * A manager approves a term: once it is defined in both languages (the glossary is read in both). A
 * term already approved stays as it is; one rejected before comes back only if the glossary has not
 * got the same term meanwhile.
 */
export function decideApproval(term: StoredTerm): ReviewDecision {
  if (term.status === "approved") return { kind: "unchanged" };
  const missing: ErrorDetail[] = [];
  if (!term.definitionFr.trim()) missing.push({ path: "definition.fr", messageKey: "fields.required" });
  if (!term.definitionEn.trim()) missing.push({ path: "definition.en", messageKey: "fields.required" });
  if (missing.length) throw new AppError("GLOSSARY_TERM_INCOMPLETE", { details: missing });
  return { kind: "set", status: "approved", checkDuplicate: term.status === "rejected" };
}

/** A manager rejects a proposed term, or withdraws an approved one; a rejected term stays as it is. */
export function decideRejection(term: StoredTerm): ReviewDecision {
  return term.status === "rejected" ? { kind: "unchanged" } : { kind: "set", status: "rejected", checkDuplicate: false };
}

/** The term as the API answers it to `viewer`. */
export function presentTerm(term: StoredTerm, viewer: Viewer): GlossaryTerm {
  return {
    id: term.id,
    term: term.term,
    definition: { fr: term.definitionFr, en: term.definitionEn },
    example: { fr: term.exampleFr, en: term.exampleEn },
    skillIds: term.skillIds,
    status: term.status,
    isSeeded: term.seedKey !== null,
    proposedBy: term.proposedByPersonId && term.proposerName ? { personId: term.proposedByPersonId, name: term.proposerName } : null,
    isMine: isProposerOf(term, viewer),
    createdAt: term.createdAt.toISOString(),
    reviewedAt: term.reviewedAt?.toISOString() ?? null,
  };
}
