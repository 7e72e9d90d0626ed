import { describe, expect, it } from "vitest";
import { termMatcher } from "./term-matcher.ts";

const terms = ["CRUD", "API", "tableau croisé dynamique", "tableau", "P&L", "réseau", "C++"].map((term) => ({ term }));
const match = termMatcher(terms);
const linked = (text: string) => match(text).flatMap((part) => (part.term ? [`${part.text}→${part.term.term}`] : []));

describe("termMatcher", () => {
  it("cuts a text into plain parts and terms, keeping every character", () => {
    const parts = match("Revoir le CRUD des clients.");
    expect(parts).toEqual([{ text: "Revoir le " }, { text: "CRUD", term: { term: "CRUD" } }, { text: " des clients." }]);
    expect(parts.map((p) => p.text).join("")).toBe("Revoir le CRUD des clients.");
  });

  it("finds whole words only, whatever the case and accents, plurals included", () => {
    expect(linked("Les apis et les api rapides")).toEqual(["apis→API"]);
    expect(linked("rapide, capital")).toEqual([]);
    expect(linked("Élargir son RESEAU")).toEqual(["RESEAU→réseau"]);
    expect(linked("nos réseaux internes")).toEqual(["réseaux→réseau"]);
  });

  it("prefers the longest term, and reads punctuation as spaces", () => {
    expect(linked("Faire un Tableau croisé-dynamique puis un tableau")).toEqual([
      "Tableau croisé-dynamique→tableau croisé dynamique",
      "tableau→tableau",
    ]);
    expect(linked("Lire le P&L du site et le p & l")).toEqual(["P&L→P&L"]);
    expect(linked("Apprendre le C++ cette année")).toEqual(["C++→C++"]);
  });

  it("links each term once, and keeps the positions right after accents and ligatures", () => {
    const text = "Œuvre : l’API, l’API encore, puis le réseau.";
    const parts = match(text);
    expect(parts.filter((p) => p.term).map((p) => p.text)).toEqual(["API", "réseau"]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });

  it("returns the text whole without terms, or when none is found", () => {
    expect(termMatcher([])("Bonjour")).toEqual([{ text: "Bonjour" }]);
    expect(match("Rien à signaler")).toEqual([{ text: "Rien à signaler" }]);
    expect(match("")).toEqual([{ text: "" }]);
  });
});
