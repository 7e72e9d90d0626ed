import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { Family } from "../../../contracts/skills.ts";

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const CatalogueFile = z.object({
  version: z.number().int(),
  families: z.array(
    z.object({
      id: Family,
      label: Bilingual,
      categories: z.array(
        z.object({
          id: z.string().regex(/^[a-z][a-z0-9_]*$/),
          label: Bilingual,
          skills: z.array(
            z.object({
              id: z.string().regex(/^[a-z][a-z0-9_]*$/),
              label: Bilingual,
              description: Bilingual,
              synonyms: z.object({ fr: z.array(z.string()).default([]), en: z.array(z.string()).default([]) }).default({ fr: [], en: [] }),
              digcomp: z.array(z.string()).default([]),
              entrecomp: z.array(z.string()).default([]),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type CatalogueFile = z.infer<typeof CatalogueFile>;

export const CATALOGUE_PATH = new URL("../../../catalogue/skills.yaml", import.meta.url);

/** Reads and checks catalogue/skills.yaml; a malformed file stops the start with the path of the problem. */
export function readCatalogueFile(url: URL = CATALOGUE_PATH): CatalogueFile {
  const parsed = CatalogueFile.safeParse(parse(fs.readFileSync(url, "utf8")));
  if (!parsed.success) {
    throw new Error(`catalogue/skills.yaml is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
