/** Every key path of a nested message catalogue ("errors.forbidden"), for parity checks. */
export function keyPaths(messages: unknown, prefix = ""): string[] {
  if (messages === null || typeof messages !== "object") return [prefix];
  return Object.entries(messages as Record<string, unknown>).flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key));
}

/** The keys present in one catalogue and missing in the other, per language; empty texts too. */
export function compareCatalogues(catalogues: Record<string, unknown>): { missing: Record<string, string[]>; empty: string[] } {
  const keysByLang = Object.fromEntries(Object.entries(catalogues).map(([lang, c]) => [lang, new Set(keyPaths(c))]));
  const all = new Set(Object.values(keysByLang).flatMap((s) => [...s]));
  const missing = Object.fromEntries(Object.entries(keysByLang).map(([lang, keys]) => [lang, [...all].filter((k) => !keys.has(k)).sort()]));
  const empty = Object.entries(catalogues).flatMap(([lang, c]) =>
    keyPaths(c)
      .filter((k) => k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], c) === "")
      .map((k) => `${lang}:${k}`),
  );
  return { missing, empty };
}
