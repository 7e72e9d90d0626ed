import { describe, expect, it } from "vitest";
import en from "./messages.en.json" with { type: "json" };
import fr from "./messages.fr.json" with { type: "json" };
import { compareCatalogues } from "./translation-keys.ts";

describe("server message catalogue", () => {
  it("has every key in French and in English, none empty", () => {
    expect(compareCatalogues({ fr, en })).toEqual({ missing: { fr: [], en: [] }, empty: [] });
  });

  it("detects a key present in one language only", () => {
    const result = compareCatalogues({ fr: { a: { b: "x", c: "y" } }, en: { a: { b: "x" }, d: "" } });
    expect(result.missing).toEqual({ fr: ["d"], en: ["a.c"] });
    expect(result.empty).toEqual(["en:d"]);
  });
});
