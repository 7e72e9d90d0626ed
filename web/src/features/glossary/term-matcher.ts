/** Finding the glossary's terms in a text, as whole words, accents, case and punctuation ignored (pure). */
import { normaliseGlossaryText } from "../../../../contracts/glossary.ts";

/** A piece of a text: plain, or an occurrence of `term`. */
export type TextPart<T> = { text: string; term?: T };

const WORD = "\\p{L}\\p{N}+#";

/** One character of the text as `normaliseGlossaryText` sees it, without trimming: punctuation becomes a space. */
function foldCharacter(character: string): string {
  return character
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .toLowerCase()
    .replace(new RegExp(`[^${WORD}]`, "gu"), " ");
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A function that cuts a text into plain parts and the first occurrence of each term: whole words
 * only ("API" in "les API", "APIs", not in "rapide"), a plural in s or x included, the longest term
 * first ("tableau croisé dynamique" rather than a shorter term inside it). Built once per list of terms.
 */
export function termMatcher<T extends { term: string }>(terms: readonly T[]): (text: string) => TextPart<T>[] {
  const byName = new Map<string, T>();
  for (const term of terms) {
    const name = normaliseGlossaryText(term.term);
    if (name && !byName.has(name)) byName.set(name, term);
  }
  if (!byName.size) return (text) => [{ text }];
  const alternatives = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.split(" ").map(escapeRegExp).join(" +"))
    .join("|");
  const pattern = new RegExp(`(?<![${WORD}])(${alternatives})(?:s|x)?(?![${WORD}])`, "gu");

  return (text) => {
    // The folded text, and for each of its characters where it comes from in the original.
    let folded = "";
    const starts: number[] = [];
    const ends: number[] = [];
    let offset = 0;
    for (const character of text) {
      for (const unit of foldCharacter(character)) {
        folded += unit;
        starts.push(offset);
        ends.push(offset + character.length);
      }
      offset += character.length;
    }
    const parts: TextPart<T>[] = [];
    const linked = new Set<T>();
    let done = 0;
    for (const match of folded.matchAll(pattern)) {
      const term = byName.get((match[1] as string).replace(/ +/g, " "));
      if (!term || linked.has(term)) continue;
      linked.add(term);
      const from = starts[match.index] as number;
      const to = ends[match.index + match[0].length - 1] as number;
      if (from > done) parts.push({ text: text.slice(done, from) });
      parts.push({ text: text.slice(from, to), term });
      done = to;
    }
    if (done < text.length || parts.length === 0) parts.push({ text: text.slice(done) });
    return parts;
  };
}
