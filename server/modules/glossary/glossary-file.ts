import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { GLOSSARY_DEFINITION_MAX_LENGTH, GLOSSARY_EXAMPLE_MAX_LENGTH, GLOSSARY_TERM_MAX_LENGTH } from "../../../contracts/glossary.ts";

const Texts = (max: number) => z.object({ fr: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const GlossaryFile = z.object({
  version: z.number().int(),
  terms: z
    .array(
      z
        .object({
          key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
          term: z.string().trim().min(1).max(GLOSSARY_TERM_MAX_LENGTH),
          skills: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
          definition: Texts(GLOSSARY_DEFINITION_MAX_LENGTH),
          example: Texts(GLOSSARY_EXAMPLE_MAX_LENGTH),
        })
        .strict(),
    )
    .refine((terms) => new Set(terms.map((t) => t.key)).size === terms.length, { error: "two terms share a key" }),
});
export type GlossaryFile = z.infer<typeof GlossaryFile>;
export type SeedTerm = GlossaryFile["terms"][number];

export const GLOSSARY_PATH = new URL("../../../catalogue/glossary.yaml", import.meta.url);

/** Reads and checks catalogue/glossary.yaml; a malformed file stops the start with the path of the problem. */
export function readGlossaryFile(url: URL = GLOSSARY_PATH): GlossaryFile {
  const parsed = GlossaryFile.safeParse(parse(fs.readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `catalogue/glossary.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}
