// @vitest-environment node
import { describe, expect, it } from "vitest";
import { messages } from "./messages.ts";

/** Flattens nested messages to "a.b.c" → value. */
function flatten(messages: object, prefix = ""): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") for (const entry of flatten(value, path)) entries.set(...entry);
    else entries.set(path, value);
  }
  return entries;
}

const catalogues = { fr: flatten(messages.fr), en: flatten(messages.en) };

describe("UI messages", () => {
  it("have the same keys in French and English", () => {
    const missingInEn = [...catalogues.fr.keys()].filter((key) => !catalogues.en.has(key));
    const missingInFr = [...catalogues.en.keys()].filter((key) => !catalogues.fr.has(key));
    expect({ missingInEn, missingInFr }).toEqual({ missingInEn: [], missingInFr: [] });
  });

  it.each(Object.entries(catalogues))("are non-empty strings in %s", (_language, messages) => {
    const invalid = [...messages].filter(([, value]) => typeof value !== "string" || value.trim() === "").map(([key]) => key);
    expect(invalid).toEqual([]);
  });
});
