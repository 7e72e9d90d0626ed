import { describe, expect, it } from "vitest";
import { normaliseGlossaryText } from "../../../contracts/glossary.ts";
import { readCatalogueFile } from "../skills/index.ts";
import { readGlossaryFile } from "./glossary-file.ts";

const file = readGlossaryFile();
const skillIds = new Set(readCatalogueFile().families.flatMap((f) => f.categories.flatMap((c) => c.skills.map((s) => s.id))));

describe("catalogue/glossary.yaml", () => {
  it("holds at least 45 terms, each with a definition and an example in French and English", () => {
    expect(file.terms.length).toBeGreaterThanOrEqual(45);
    for (const t of file.terms) {
      expect([t.key, t.definition.fr.length > 20, t.definition.en.length > 20]).toEqual([t.key, true, true]);
      expect([t.key, t.example.fr.length > 10, t.example.en.length > 10]).toEqual([t.key, true, true]);
    }
  });

  it("links each term to catalogue skills that exist, most of them to at least one", () => {
    const unknown = file.terms.flatMap((t) => t.skills.filter((id) => !skillIds.has(id)).map((id) => `${t.key}: ${id}`));
    expect(unknown).toEqual([]);
    expect(file.terms.filter((t) => t.skills.length === 0).map((t) => t.key)).toEqual([]);
  });

  it("never holds the same term twice, accents, case and punctuation ignored", () => {
    const names = file.terms.map((t) => normaliseGlossaryText(t.term));
    expect(names.filter((name, k) => names.indexOf(name) !== k)).toEqual([]);
  });

  it.each(["CRUD", "growth hacking", "prompt", "KPI", "P&L", "COMEX", "RGPD", "tableau croisé dynamique", "parties prenantes", "2FA"])(
    "explains %s",
    (term) => {
      expect(file.terms.some((t) => t.term === term)).toBe(true);
    },
  );

  it("says it in French with the programme's words: séance, never « session »", () => {
    const french = file.terms.flatMap((t) => [t.definition.fr, t.example.fr]);
    expect(french.filter((text) => /\bsession/i.test(text))).toEqual([]);
  });
});
