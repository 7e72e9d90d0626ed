import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as accounts from "./accounts.ts";
import * as calendar from "./calendar.ts";
import * as glossary from "./glossary.ts";
import * as goals from "./goals.ts";
import * as invitations from "./invitations.ts";
import * as mail from "./mail.ts";
import * as notifications from "./notifications.ts";
import * as onboarding from "./onboarding.ts";
import * as pairs from "./pairs.ts";
import * as people from "./people.ts";
import * as profiles from "./profiles.ts";
import * as programmes from "./programmes.ts";
import * as sessionNotes from "./session-notes.ts";
import * as sessions from "./sessions.ts";
import * as skills from "./skills.ts";
import { firstUnstorableIndex, searchText, text, withoutUnstorableCharacters } from "./text.ts";

const NUL = "a\u0000b";
const LONE_HIGH = "a\uD83Db"; // the first half of 😀 alone
const LONE_LOW = "a\uDE00b"; // the second half alone

describe("the text rule (contracts/text.ts)", () => {
  it("finds U+0000 and lone surrogates, and nothing in ordinary text, emoji included", () => {
    expect(firstUnstorableIndex("Léa Martin — cœur 😀 日本")).toBe(-1);
    expect(firstUnstorableIndex(NUL)).toBe(1);
    expect(firstUnstorableIndex(LONE_HIGH)).toBe(1);
    expect(firstUnstorableIndex("😀\uD83D")).toBe(2);
    expect(firstUnstorableIndex(LONE_LOW)).toBe(1);
    expect(withoutUnstorableCharacters(`${NUL} ${LONE_HIGH} 😀`)).toBe("ab ab 😀");
  });

  it("refuses such text with a message key, before trimming or length checks", () => {
    const schema = text().trim().min(1, { error: "fields.required" }).max(5);
    expect(schema.parse("  Léa 😀 ")).toBe("Léa 😀");
    for (const bad of [NUL, LONE_HIGH, LONE_LOW, "\u0000"]) {
      const issues = schema.safeParse(bad).error?.issues;
      expect(issues?.map((i) => i.message)).toEqual(["fields.invalidCharacter"]);
    }
  });

  it("drops such characters from a search instead", () => {
    expect(searchText().trim().max(100).parse(` ${NUL} `)).toBe("ab");
  });
});

/** Every string a request schema can hold, found by walking zod's definitions: [path, schema]. */
function stringLeaves(schema: z.ZodType, path: string, out: [string, z.ZodType][] = []): [string, z.ZodType][] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case "string":
      out.push([path, schema]);
      break;
    case "object":
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) stringLeaves(child, `${path}.${key}`, out);
      break;
    case "array":
      stringLeaves(def.element as z.ZodType, `${path}[]`, out);
      break;
    case "record":
      stringLeaves(def.keyType as z.ZodType, `${path}{key}`, out);
      stringLeaves(def.valueType as z.ZodType, `${path}{}`, out);
      break;
    case "union":
      (def.options as z.ZodType[]).forEach((option, k) => {
        stringLeaves(option, `${path}|${k}`, out);
      });
      break;
    case "pipe":
      stringLeaves(def.in as z.ZodType, path, out);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      stringLeaves(def.innerType as z.ZodType, path, out);
      break;
  }
  return out;
}

const CONTRACTS = {
  accounts,
  calendar,
  glossary,
  goals,
  invitations,
  mail,
  notifications,
  onboarding,
  pairs,
  people,
  profiles,
  programmes,
  sessionNotes,
  sessions,
  skills,
};
/** What a request carries: bodies, query strings and path parameters (responses are the server's own text). */
const isRequestSchema = (name: string) => /(Body|Query|Params)$/.test(name);
/**
 * Taken whole on purpose: a calendar feed's token (GET /api/calendar/:token.ics) is never stored nor echoed, and
 * a mangled link, whatever it holds, answers 404 like an unknown one (server/modules/calendar/read-calendar-feed.ts).
 */
const TAKEN_WHOLE = new Set(["calendar.CalendarFeedParams.token"]);

describe("every request schema of contracts/", () => {
  const leaves = Object.entries(CONTRACTS)
    .flatMap(([file, exports]) =>
      Object.entries(exports as Record<string, unknown>)
        .filter(([name, value]) => isRequestSchema(name) && typeof value === "object" && value !== null && "_zod" in value)
        .flatMap(([name, schema]) => stringLeaves(schema as z.ZodType, `${file}.${name}`)),
    )
    .filter(([path]) => !TAKEN_WHOLE.has(path));

  it("has text fields to check", () => {
    expect(leaves.length).toBeGreaterThan(40);
  });

  it.each([
    ["U+0000", NUL],
    ["a lone surrogate", LONE_HIGH],
  ])("refuses %s in every text field, or drops it from a search", (_label, bad) => {
    const letThrough = leaves
      .filter(([, schema]) => {
        const result = schema.safeParse(bad);
        return result.success && typeof result.data === "string" && firstUnstorableIndex(result.data) !== -1;
      })
      .map(([path]) => path);
    expect(letThrough).toEqual([]);
  });

  it("names the problem in free-text fields (ids, dates and emails may say their format instead)", () => {
    const hasFormat = (schema: z.ZodType) => Boolean((schema as unknown as { _zod: { def: { format?: string } } })._zod.def.format);
    const generic = leaves
      .filter(([, schema]) => {
        if (hasFormat(schema)) return false;
        const result = schema.safeParse(NUL);
        return !result.success && !result.error.issues.some((i) => i.message === "fields.invalidCharacter");
      })
      .map(([path]) => path);
    expect(generic).toEqual([]);
  });
});
