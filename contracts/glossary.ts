import { z } from "zod";
import { Bilingual } from "./skills.ts";
import { searchText, text } from "./text.ts";

/** The organisation's glossary of jargon (server/modules/glossary): a participant proposes a term, a manager approves it. */
export const GLOSSARY_TERM_STATUSES = ["proposed", "approved", "rejected"] as const;
export const GlossaryTermStatus = z.enum(GLOSSARY_TERM_STATUSES);
export type GlossaryTermStatus = z.infer<typeof GlossaryTermStatus>;

/**
 * The glossary's one rule for comparing texts, on the server (search, duplicates) and in the web app
 * (terms linked in a text): lower case, no accents, ligatures expanded, punctuation as single spaces.
 * "Tableau croisé-dynamique !" → "tableau croise dynamique", "P&L" → "p l", "Réseau" → "reseau".
 * `+` and `#` stay ("C++", "C#"). The skills catalogue's search follows the same rule.
 */
export function normaliseGlossaryText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim();
}

/** Limits of a term's texts, shared by the API's checks and the web form's fields. */
export const GLOSSARY_TERM_MAX_LENGTH = 80;
export const GLOSSARY_DEFINITION_MAX_LENGTH = 1000;
export const GLOSSARY_EXAMPLE_MAX_LENGTH = 500;
export const GLOSSARY_MAX_SKILLS = 10;

const Term = text().trim().min(1, { error: "fields.required" }).max(GLOSSARY_TERM_MAX_LENGTH);
const Definition = text().trim().max(GLOSSARY_DEFINITION_MAX_LENGTH);
const Example = text().trim().max(GLOSSARY_EXAMPLE_MAX_LENGTH);
const SkillId = text()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(80);
const SkillIds = z.array(SkillId).max(GLOSSARY_MAX_SKILLS);

/** A proposed term: the term, its definition in French or English (or both), an example, the catalogue skills it belongs to. */
export const ProposeGlossaryTermBody = z
  .object({
    term: Term,
    definition: z.object({ fr: Definition.default(""), en: Definition.default("") }),
    example: z.object({ fr: Example.default(""), en: Example.default("") }).default({ fr: "", en: "" }),
    skillIds: SkillIds.default([]),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.definition.fr && !body.definition.en)
      ctx.addIssue({ code: "custom", path: ["definition", "fr"], message: "fields.glossaryDefinitionNeeded" });
  });
export type ProposeGlossaryTermBody = z.infer<typeof ProposeGlossaryTermBody>;

/** A manager's edit: any of the texts, each given whole. */
export const UpdateGlossaryTermBody = z
  .object({
    term: Term.optional(),
    definition: z.object({ fr: Definition, en: Definition }).optional(),
    example: z.object({ fr: Example, en: Example }).optional(),
    skillIds: SkillIds.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.definition && !body.definition.fr && !body.definition.en)
      ctx.addIssue({ code: "custom", path: ["definition", "fr"], message: "fields.glossaryDefinitionNeeded" });
  });
export type UpdateGlossaryTermBody = z.infer<typeof UpdateGlossaryTermBody>;

export const GlossaryQuery = z.object({
  /** Part of a term, a definition or an example, in either language (accents and case ignored). */
  q: searchText().trim().max(100).optional(),
  /** Terms linked to this catalogue skill. */
  skill: SkillId.optional(),
  /**
   * Approved terms by default. "proposed" and "rejected": every such term for a manager, one's own
   * proposals for anyone else.
   */
  status: GlossaryTermStatus.default("approved"),
});
export type GlossaryQuery = z.infer<typeof GlossaryQuery>;

export const GlossaryTermParams = z.object({ id: z.uuid() });

export const GlossaryTerm = z.object({
  id: z.uuid(),
  term: z.string(),
  /** Plain-language definition; one language may be empty on a proposed term. */
  definition: Bilingual,
  example: Bilingual,
  skillIds: z.array(z.string()),
  status: GlossaryTermStatus,
  /** Written by us (catalogue/glossary.yaml), not proposed by someone of the organisation. */
  isSeeded: z.boolean(),
  /** Who proposed it; null for a seeded term, or when that person has left the directory. */
  proposedBy: z.object({ personId: z.uuid(), name: z.string() }).nullable(),
  /** Proposed by the person asking. */
  isMine: z.boolean(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const GlossaryTermList = z.object({
  items: z.array(GlossaryTerm),
  /** How many terms wait for a manager's review: for managers, null for anyone else. */
  proposedCount: z.number().int().nullable(),
});
export type GlossaryTermList = z.infer<typeof GlossaryTermList>;
