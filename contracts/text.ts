/**
 * The one rule for text that comes in from outside: PostgreSQL cannot store U+0000 in text or
 * jsonb (the query fails), and a lone UTF-16 surrogate (half of an emoji) would be silently
 * turned into "�" on its way to the database. Every text field of a request body, query string
 * or path is `text()`; a search (`q` and the directory filters) is `searchText()`, which drops
 * such characters instead of refusing the search. Enforced by contracts/text.test.ts, which walks
 * every request schema of contracts/, and server/platform/errors/text-inputs.int.test.ts, which
 * walks every route of the OpenAPI document.
 */
import { z } from "zod";

/** Where the first character PostgreSQL cannot store is (U+0000 or a surrogate that is not half of a pair), else -1. */
export function firstUnstorableIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

export const hasUnstorableCharacter = (value: string) => firstUnstorableIndex(value) !== -1;

/** The same text with each character PostgreSQL cannot store dropped, or replaced (by "�" to show where it was). */
export function withoutUnstorableCharacters(value: string, replacement = ""): string {
  let out = "";
  let rest = value;
  for (let i = firstUnstorableIndex(rest); i !== -1; i = firstUnstorableIndex(rest)) {
    out += rest.slice(0, i) + replacement;
    rest = rest.slice(i + 1);
  }
  return out + rest;
}

/**
 * A string field of a request: `text().trim().max(120)` where one would write `z.string()…`.
 * Refuses U+0000 and lone surrogates with "fields.invalidCharacter" (400 naming the field), and
 * stops there: no "too long" or "required" on top of it.
 */
export const text = () => z.string().refine((value) => !hasUnstorableCharacter(value), { error: "fields.invalidCharacter", abort: true });

/** A search or filter term: the same characters are dropped, not refused (nobody can search for them anyway). */
export const searchText = () => z.string().overwrite((value) => withoutUnstorableCharacters(value));
