// @vitest-environment node
/**
 * One word per concept (docs/terminology.md): none of the words that document bans appears in a French or
 * English text — the UI catalogues, the server's messages and the catalogue content (YAML).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import serverEn from "../../../contracts/i18n/messages.en.json";
import serverFr from "../../../contracts/i18n/messages.fr.json";
import emailsEn from "../../../server/platform/mail/templates/emails.en.json";
import emailsFr from "../../../server/platform/mail/templates/emails.fr.json";
import { messages } from "./messages.ts";

type Language = "fr" | "en";
type Text = { where: string; text: string };

const root = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** The rows of the "Words not to use" table: language, then the banned words in back quotes. */
function bannedWords(markdown: string): { language: Language; word: string }[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Words not to use"));
  if (!section) throw new Error("docs/terminology.md has no “Words not to use” section");
  return section
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => cells[1] === "fr" || cells[1] === "en")
    .flatMap((cells) =>
      [...(cells[2] ?? "").matchAll(/`([^`]+)`/g)].map((m) => ({ language: cells[1] as Language, word: m[1] as string })),
    );
}

/** Every string of a catalogue, with its key path. */
function strings(value: unknown, where: string): Text[] {
  if (typeof value === "string") return [{ where, text: value }];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, where ? `${where}.${key}` : key));
  return [];
}

/** The texts of one language in a YAML catalogue: every value under a `fr` or `en` key. */
function yamlTexts(value: unknown, language: Language, where: string): Text[] {
  if (Array.isArray(value)) return value.flatMap((item, k) => yamlTexts(item, language, `${where}[${k}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) =>
      key === language ? strings(inner, `${where}.${key}`) : yamlTexts(inner, language, `${where}.${key}`),
    );
  return [];
}

const YAML_CATALOGUES = [
  "glossary.yaml",
  "goal-templates.yaml",
  "onboarding.yaml",
  "programme-templates.yaml",
  "self-assessment.yaml",
  "skills.yaml",
];

function texts(language: Language): Text[] {
  return [
    ...strings(messages[language], "web"),
    ...strings(language === "fr" ? serverFr : serverEn, "contracts/i18n"),
    ...strings(language === "fr" ? emailsFr : emailsEn, "server/platform/mail/templates"),
    ...YAML_CATALOGUES.flatMap((file) => yamlTexts(parse(read(`catalogue/${file}`)), language, `catalogue/${file}`)),
  ];
}

const banned = bannedWords(read("docs/terminology.md"));

describe("terminology", () => {
  it("reads the words not to use from docs/terminology.md", () => {
    expect(banned).toContainEqual({ language: "fr", word: "Auto-évaluation" });
    expect(banned).toContainEqual({ language: "fr", word: "(e)" });
    // "programmer" une séance, never "planifier" in any of its forms.
    expect(banned).toContainEqual({ language: "fr", word: "planifi" });
    expect(banned.length).toBeGreaterThan(10);
  });

  it.each(["fr", "en"] as const)("names each pair state with one word in %s, for managers and participants alike", (language) => {
    const { pairs, programmes } = messages[language] as { pairs: { states: object }; programmes: { pairStates: object } };
    expect(programmes.pairStates).toEqual(pairs.states);
  });

  it.each(["fr", "en"] as const)("no %s text uses a word docs/terminology.md rules out", (language) => {
    const all = texts(language);
    expect(all.length).toBeGreaterThan(500);
    const found = banned
      .filter((b) => b.language === language)
      .flatMap(({ word }) =>
        all
          .filter(({ text }) => text.toLocaleLowerCase(language).includes(word.toLocaleLowerCase(language)))
          .map(({ where }) => `${word} — ${where}`),
      );
    expect(found).toEqual([]);
  });
});
