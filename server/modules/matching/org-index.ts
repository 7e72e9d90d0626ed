/**
 * Hard constraints on integer indices, for millions of candidate checks: every string (profile id, employee id, team,
 * forbid entry) is turned into an integer once, and "A is in B's management chain" becomes an O(1) test on the org
 * tree's Euler-tour intervals plus a depth difference. Same answers as `hardConstraints` (score.ts), tested in
 * org-index.test.ts; when the org chart has a cycle (bad HR data) it delegates to `hardConstraints`, whose walk
 * stops at cycles.
 */
import type { Cohort, MatchingProfile, MatchingSettings } from "./matching.domain.ts";
import { type CompiledProfile, type ForbiddenReason, hardConstraints, languageComponent } from "./score.ts";

/** The org tree of a cohort on integer node ids, with Euler-tour intervals and depths. */
export interface OrgIndex {
  /** employeeId → node id. */
  node: Map<string, number>;
  /** Entry and exit times of the depth-first tour: A is an ancestor of B iff enter[A] < enter[B] && exit[B] <= exit[A]. */
  enter: Int32Array;
  exit: Int32Array;
  /** Distance to the root. */
  depth: Int32Array;
  /** False when the manager links have a cycle: the intervals are then not built. */
  acyclic: boolean;
}

/** Builds the org tree: manager links from `orgChart`, then from profiles' `managerEmployeeId` (as `managementChains`). */
export function buildOrgIndex(profiles: Iterable<MatchingProfile>, orgChart: Readonly<Record<string, string>> = {}): OrgIndex {
  const node = new Map<string, number>();
  const id = (e: string): number => {
    let k = node.get(e);
    if (k === undefined) {
      k = node.size;
      node.set(e, k);
    }
    return k;
  };
  const managerOfStr = new Map<string, string>(Object.entries(orgChart));
  const list = [...profiles];
  for (const p of list)
    if (p.employeeId && p.managerEmployeeId && !managerOfStr.has(p.employeeId)) managerOfStr.set(p.employeeId, p.managerEmployeeId);
  for (const p of list) if (p.employeeId) id(p.employeeId);
  const links: [number, number][] = [];
  for (const [e, m] of managerOfStr) links.push([id(e), id(m)]);
  const n = node.size;
  const parent = new Int32Array(n).fill(-1);
  for (const [e, m] of links) parent[e] = m === e ? -1 : m;
  // Children in compressed form.
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const p = parent[v] as number;
    if (p >= 0) childStart[p + 1] = (childStart[p + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) childStart[v + 1] = (childStart[v + 1] as number) + (childStart[v] as number);
  const fill = childStart.slice(0, n);
  const child = new Int32Array(childStart[n] as number);
  for (let v = 0; v < n; v++) {
    const p = parent[v] as number;
    if (p >= 0) {
      const at = fill[p] as number;
      fill[p] = at + 1;
      child[at] = v;
    }
  }
  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n);
  const depth = new Int32Array(n);
  const stack = new Int32Array(n);
  const next = new Int32Array(n); // next child position of each node on the stack
  let time = 0;
  let visited = 0;
  for (let root = 0; root < n; root++) {
    if ((parent[root] as number) >= 0) continue;
    let top = 0;
    stack[0] = root;
    next[root] = childStart[root] as number;
    enter[root] = time++;
    depth[root] = 0;
    visited++;
    while (top >= 0) {
      const v = stack[top] as number;
      if ((next[v] as number) < (childStart[v + 1] as number)) {
        const at = next[v] as number;
        next[v] = at + 1;
        const c = child[at] as number;
        enter[c] = time++;
        depth[c] = (depth[v] as number) + 1;
        next[c] = childStart[c] as number;
        stack[++top] = c;
        visited++;
      } else {
        exit[v] = time;
        top--;
      }
    }
  }
  // Nodes never reached from a root sit on (or under) a cycle.
  return { node, enter, exit, depth, acyclic: visited === n };
}

/**
 * `hardConstraints` by mentee and mentor index: `(i, j)` is mentee `cohort.mentees[i]` with mentor `cohort.mentors[j]`,
 * compiled as `compiledMentees[i]` and `compiledMentors[j]`. Locks are not looked at (the caller handles them).
 */
export function indexedHardConstraints(
  cohort: Cohort,
  compiledMentors: readonly CompiledProfile[],
  compiledMentees: readonly CompiledProfile[],
): (mentee: number, mentor: number) => ForbiddenReason | null {
  const { mentors, mentees } = cohort;
  const settings: MatchingSettings = cohort.settings ?? {};
  const org = buildOrgIndex([...mentors, ...mentees], cohort.orgChart);
  if (!org.acyclic) {
    const slow = hardConstraints(cohort);
    return (i, j) =>
      slow(
        mentors[j] as MatchingProfile,
        mentees[i] as MatchingProfile,
        compiledMentors[j] as CompiledProfile,
        compiledMentees[i] as CompiledProfile,
      );
  }
  // `managementChains` keeps adding managers while the chain is shorter than the depth: ceil for a fractional one.
  const maxDepth = Math.ceil(settings.managementChainDepth ?? Number.POSITIVE_INFINITY);
  const personIds = new Map<string, number>();
  const intern = (map: Map<string, number>, key: string | undefined): number => {
    if (key === undefined) return -1;
    let k = map.get(key);
    if (k === undefined) {
      k = map.size;
      map.set(key, k);
    }
    return k;
  };
  const teams = new Map<string, number>();
  const employeeIds = new Map<string, number>();
  // One 8-int record per person, so that a check touches one cache line per side: person id, employee id (for
  // "same person"), org-tree entry, exit and depth (-1 entry when not in the tree), team, first language, languages
  // as a bitmask (language ids < 31; otherwise the compiled arrays are compared).
  const STRIDE = 8;
  let languageBits = true;
  const side = (list: readonly MatchingProfile[], compiled: readonly CompiledProfile[]): Int32Array => {
    const rec = new Int32Array(list.length * STRIDE);
    list.forEach((p, k) => {
      const o = k * STRIDE;
      rec[o] = intern(personIds, p.id);
      rec[o + 1] = intern(employeeIds, p.employeeId);
      // An empty employee id counts as none (as in `hardConstraints`, whose chain test needs both truthy).
      const v = p.employeeId ? (org.node.get(p.employeeId) as number) : -1;
      rec[o + 2] = v >= 0 ? (org.enter[v] as number) : -1;
      rec[o + 3] = v >= 0 ? (org.exit[v] as number) : -1;
      rec[o + 4] = v >= 0 ? (org.depth[v] as number) : -1;
      rec[o + 5] = intern(teams, p.team);
      const languages = (compiled[k] as CompiledProfile).languages;
      rec[o + 6] = languages.length > 0 ? (languages[0] as number) : -1;
      let mask = 0;
      for (const l of languages) {
        if (l >= 31) languageBits = false;
        mask |= 1 << l;
      }
      rec[o + 7] = mask;
    });
    return rec;
  };
  const tor = side(mentors, compiledMentors);
  const tee = side(mentees, compiledMentees);
  // Explicit forbids as mentee·mentors + mentor keys (ids may repeat in bad input: every match is forbidden).
  const forbidden = new Set<number>();
  if ((settings.forbid ?? []).length > 0) {
    const byId = (list: readonly MatchingProfile[]) => {
      const m = new Map<string, number[]>();
      list.forEach((p, k) => {
        m.set(p.id, [...(m.get(p.id) ?? []), k]);
      });
      return m;
    };
    const mentorsById = byId(mentors);
    const menteesById = byId(mentees);
    for (const f of settings.forbid ?? [])
      for (const j of mentorsById.get(f.mentor) ?? [])
        for (const i of menteesById.get(f.mentee) ?? []) forbidden.add(i * mentors.length + j);
  }
  const sameTeam = settings.forbidSameTeam === true;
  const numMentors = mentors.length;
  return (i, j) => {
    const a = j * STRIDE;
    const b = i * STRIDE;
    const sa = tor[a + 1] as number;
    if (tor[a] === tee[b] || (sa >= 0 && sa === tee[b + 1])) return "same_person";
    if (forbidden.size > 0 && forbidden.has(i * numMentors + j)) return "forbidden";
    const enterA = tor[a + 2] as number;
    const enterB = tee[b + 2] as number;
    if (enterA >= 0 && enterB >= 0) {
      // One is in the other's chain: an ancestor in the tour (nested interval) at most `maxDepth` levels up.
      const depthGap = (tee[b + 4] as number) - (tor[a + 4] as number);
      if (
        enterA < enterB
          ? (tee[b + 3] as number) <= (tor[a + 3] as number) && depthGap <= maxDepth
          : enterB < enterA && (tor[a + 3] as number) <= (tee[b + 3] as number) && -depthGap <= maxDepth
      )
        return "management_chain";
    }
    if (sameTeam && (tor[a + 5] as number) >= 0 && tor[a + 5] === tee[b + 5]) return "same_team";
    if (languageBits) {
      if (tor[a + 6] === -1 || tee[b + 6] === -1 || ((tor[a + 7] as number) & (tee[b + 7] as number)) === 0) return "no_common_language";
    } else if (languageComponent(compiledMentors[j] as CompiledProfile, compiledMentees[i] as CompiledProfile) === 0)
      return "no_common_language";
    return null;
  };
}
