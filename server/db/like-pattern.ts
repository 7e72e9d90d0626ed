/** A LIKE/ILIKE pattern matching `q` anywhere, with % and _ escaped so that "50%" matches literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
