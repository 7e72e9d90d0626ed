export type Messages = Record<string, unknown>;

/**
 * A language's UI texts: the shared ones (fr.json, en.json) and each feature's
 * (features/<feature>/messages.<language>.json, a top-level key named after the feature).
 */
export function mergeMessages(base: Messages, featureFiles: Record<string, Messages>): Messages {
  const out: Messages = { ...base };
  for (const [path, messages] of Object.entries(featureFiles)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`${path}: the key "${key}" is already defined`);
      out[key] = value;
    }
  }
  return out;
}
