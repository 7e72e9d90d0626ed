export type Messages = Record<string, unknown>;

/**
 * A language's UI texts: the shared ones (fr.json, en.json) and each feature's
 * (features/<feature>/messages.<language>.json, a top-level key named after the feature), and
 * those shared with the server (contracts/i18n/notifications.<language>.json).
 */
export function mergeMessages(base: Messages, featureFiles: Record<string, Messages>, shared: Messages = {}): Messages {
  const out: Messages = { ...base };
  for (const [path, messages] of Object.entries(featureFiles)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`${path}: the key "${key}" is already defined`);
      out[key] = value;
    }
  }
  // Texts shared with the server (contracts/i18n) join a feature's key, without replacing any of its texts.
  for (const [key, value] of Object.entries(shared)) {
    const existing = (out[key] ?? {}) as Messages;
    const overlap = Object.keys(value as Messages).filter((k) => k in existing);
    if (overlap.length) throw new Error(`contracts/i18n: the keys ${overlap.map((k) => `${key}.${k}`).join(", ")} are already defined`);
    out[key] = { ...existing, ...(value as Messages) };
  }
  return out;
}
