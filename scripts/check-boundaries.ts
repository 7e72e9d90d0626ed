/**
 * The boundaries between contexts, checked by a tool rather than by review (`npm run check` runs it):
 *
 * 1. A server context (`server/modules/<name>/`) is imported from outside its folder only through its
 *    `index.ts`. Exceptions: the composition roots (`server/app.ts` registers each context's `*.routes.ts`,
 *    `server/cli.ts` its `*.cli.ts`), and tests and benchmarks, which may reach inside to build their data
 *    or measure one part.
 * 2. A web feature (`web/src/features/<name>/`) is imported by another feature only through its `index.ts`;
 *    `web/src/components/` and `web/src/lib/` import no feature at all. `web/src/app/` is the composition
 *    root (router, layout): it imports a feature's pages (`*-page.tsx`) and its `index.ts`, nothing else.
 * 3. A table is written (insert, update, delete; drizzle or SQL) only by the context that owns it: the tables
 *    declared in `server/db/schema/<name>.ts` by `server/modules/<name>/*.repository.ts`, or, for a
 *    platform table (`server/platform/<name>/` exists), by the files of that platform folder.
 *    Tests and benchmarks, the demo's seed and the database layer (`server/db/`) are exempt.
 *
 * Written as a small script (like Rallly's `scripts/check-feature-structure.mjs`) because
 * dependency-cruiser needs Node 22 and rule 3 is about our own schema files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type SourceFile = { path: string; text: string };
export type Violation = { file: string; line: number; message: string };

const SOURCE = /\.(ts|tsx|mts)$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
const TABLE = /export const (\w+) = pgTable\(\s*["'](\w+)["']/g;
// `.insert(some_table)`, `.update(schema.some_table)`, across lines and with a trailing comma.
const DRIZZLE_WRITE = /\.(insert|update|delete)\(\s*(?:\w+\.)?(\w+)\s*,?\s*\)/g;
// `insert into some_table`, `update "public"."some_table"`, `delete from ${some_table}` in SQL text.
const SQL_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+(?:\$\{\s*(?:\w+\.)?(\w+)\s*\}|(?:"?public"?\.)?"?([a-z_]+)"?)(?=[\s(])/gi;
// `import { people as directory } from ".../schema.ts"`: the alias writes the table too.
const SCHEMA_IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["'][^"']*db\/schema(?:\/[\w-]+)?\.ts["']/g;

/** The composition roots register each context's routes and commands. */
const isEntryPoint = (file: string, target: string) =>
  (file === "server/app.ts" && target.endsWith(".routes.ts")) || (file === "server/cli.ts" && target.endsWith(".cli.ts"));

/** The web app's frame (router, layout) imports each feature's pages and its index.ts. */
const isComposition = (file: string, target: string) => file.startsWith("web/src/app/") && target.endsWith("-page.tsx");

/** Tests and benchmarks may reach inside a context to build their data or measure one part. */
const isTest = (file: string) =>
  /\.test\.tsx?$/.test(file) || file.startsWith("server/test/") || file.startsWith("e2e/") || file.startsWith("bench/");

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

function contextOf(file: string, root: string): string | null {
  if (!file.startsWith(root)) return null;
  return file.slice(root.length).split("/")[0] ?? null;
}

/** Imports that reach inside another context or feature instead of going through its `index.ts`. */
function importViolations(file: SourceFile): Violation[] {
  const violations: Violation[] = [];
  for (const match of file.text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (!specifier?.startsWith(".")) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
    const line = lineOf(file.text, (match.index ?? 0) + match[0].indexOf(specifier));
    // Only the context's own index.ts, not an index.ts deeper inside it.
    const isIndexOf = (root: string, name: string) => target === `${root}${name}/index.ts`;

    const module = contextOf(target, "server/modules/");
    if (module && !isIndexOf("server/modules/", module) && contextOf(file.path, "server/modules/") !== module && !isTest(file.path)) {
      if (!isEntryPoint(file.path, target)) {
        violations.push({ file: file.path, line, message: `imports ${target}: go through server/modules/${module}/index.ts` });
      }
    }

    const feature = contextOf(target, "web/src/features/");
    if (feature && !isTest(file.path)) {
      if (file.path.startsWith("web/src/components/") || file.path.startsWith("web/src/lib/")) {
        violations.push({ file: file.path, line, message: `imports ${target}: shared parts import no feature` });
      } else if (
        !isIndexOf("web/src/features/", feature) &&
        contextOf(file.path, "web/src/features/") !== feature &&
        !isComposition(file.path, target)
      ) {
        violations.push({ file: file.path, line, message: `imports ${target}: go through web/src/features/${feature}/index.ts` });
      }
    }
  }
  return violations;
}

/** Which context owns each table, from the schema file that declares it. */
export function tableOwners(files: SourceFile[]): { byVariable: Map<string, string>; bySqlName: Map<string, string> } {
  const byVariable = new Map<string, string>();
  const bySqlName = new Map<string, string>();
  for (const file of files) {
    const owner = /^server\/db\/schema\/([\w-]+)\.ts$/.exec(file.path)?.[1];
    if (!owner) continue;
    for (const match of file.text.matchAll(TABLE)) {
      byVariable.set(match[1] as string, owner);
      bySqlName.set(match[2] as string, owner);
    }
  }
  return { byVariable, bySqlName };
}

function mayWrite(file: string, owner: string, platformFolders: ReadonlySet<string>): boolean {
  if (isTest(file) || file.startsWith("server/db/") || file.startsWith("server/demo/")) return true;
  if (platformFolders.has(owner)) return file.startsWith(`server/platform/${owner}/`);
  return file.startsWith(`server/modules/${owner}/`) && file.endsWith(".repository.ts");
}

/** The local names under which a file imports each table (itself, or an alias). */
function localTableNames(file: SourceFile, owners: ReturnType<typeof tableOwners>): Map<string, string> {
  const names = new Map<string, string>([...owners.byVariable.keys()].map((table) => [table, table]));
  for (const match of file.text.matchAll(SCHEMA_IMPORT)) {
    for (const part of (match[1] as string).split(",")) {
      const [imported, alias] = part.trim().split(/\s+as\s+/);
      if (imported && alias && owners.byVariable.has(imported)) names.set(alias, imported);
    }
  }
  return names;
}

/** Writes to a table from outside the repository of the context that owns it. */
function writeViolations(file: SourceFile, owners: ReturnType<typeof tableOwners>, platformFolders: ReadonlySet<string>): Violation[] {
  const violations: Violation[] = [];
  const tables = localTableNames(file, owners);
  const report = (table: string, owner: string | undefined, index: number) => {
    if (owner && !mayWrite(file.path, owner, platformFolders)) {
      const where = platformFolders.has(owner) ? `server/platform/${owner}/` : `server/modules/${owner}/*.repository.ts`;
      violations.push({ file: file.path, line: lineOf(file.text, index), message: `writes ${table}, which only ${where} may write` });
    }
  };
  const ownerOfLocal = (name: string) => owners.byVariable.get(tables.get(name) ?? "");
  for (const match of file.text.matchAll(DRIZZLE_WRITE)) report(match[2] as string, ownerOfLocal(match[2] as string), match.index ?? 0);
  for (const match of file.text.matchAll(SQL_WRITE)) {
    const table = (match[1] ?? match[2]) as string;
    report(table, match[1] ? ownerOfLocal(table) : owners.bySqlName.get(table), match.index ?? 0);
  }
  return violations;
}

/** Every violation of the three rules in the given files (paths relative to the repository, with `/`). */
export function findViolations(files: SourceFile[], platformFolders: ReadonlySet<string>): Violation[] {
  const owners = tableOwners(files);
  return files.flatMap((file) => [...importViolations(file), ...writeViolations(file, owners, platformFolders)]);
}

function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of ["server", "web/src", "scripts", "bench", "e2e", "contracts"]) {
    if (!existsSync(path.join(root, folder))) continue;
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })) {
      const relative = path.posix.join(folder, entry.split(path.sep).join("/"));
      if (SOURCE.test(relative) && !relative.includes("node_modules/") && !relative.includes("/dist/")) {
        files.push({ path: relative, text: readFileSync(path.join(root, relative), "utf8") });
      }
    }
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const platformFolders = new Set(readdirSync(path.join(root, "server/platform")));
  const files = readSources(root);
  const violations = findViolations(files, platformFolders);
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.message}`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} boundary violation(s): see the rules at the top of scripts/check-boundaries.ts.`);
    process.exit(1);
  }
  console.log(`Boundaries hold (${files.length} files).`);
}
