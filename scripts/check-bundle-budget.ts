/**
 * The login page's JavaScript budget: the gzipped size of every script the browser fetches to show
 * /login (the entry, its static imports and preloads, the lazy chunks of the login route and their
 * static imports), read from the built web app (web/dist: index.html and Vite's manifest). Prints the
 * figure and each file, and fails above the budget.
 *
 *   npm run build && tsx scripts/check-bundle-budget.ts [--dist web/dist] [--budget-kb 200]
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The modules, relative to web/, of the routes /login renders: its layout and its page. */
export const LOGIN_ROUTE_MODULES = ["src/app/layout/public-layout.tsx", "src/features/auth/login-page.tsx"];

export const DEFAULT_BUDGET_KB = 200;

/** One chunk of Vite's manifest (`build.manifest`), keyed by its source (or `_name` for a shared chunk). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The scripts index.html loads or preloads, as paths inside dist ("assets/index-abc.js"). */
export function scriptsOfHtml(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith("<script") && /type="module"/.test(tag);
    const isPreload = tag.startsWith("<link") && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && url?.endsWith(".js")) files.push(url.replace(/^\//, ""));
  }
  return files;
}

/** The files of `keys` and of everything they import statically, transitively; dynamic imports are not followed. */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}"`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/**
 * The JavaScript files of the login page: what index.html loads, the entry's static imports, and the
 * login route's modules with theirs. A route module missing from the manifest is part of a bigger
 * chunk (the entry, if the router imports it statically), which is counted already.
 */
export function loginPageScripts(manifest: Manifest, html: string, routeModules = LOGIN_ROUTE_MODULES): Set<string> {
  const entries = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key]) => key);
  const files = staticClosure(manifest, [...entries, ...routeModules.filter((module) => module in manifest)]);
  for (const file of scriptsOfHtml(html)) files.add(file);
  return files;
}

function main() {
  const { values } = parseArgs({
    options: { dist: { type: "string", default: path.join(ROOT, "web/dist") }, "budget-kb": { type: "string" } },
  });
  const dist = path.resolve(values.dist);
  const budgetKb = Number(values["budget-kb"] ?? DEFAULT_BUDGET_KB);
  const manifestPath = path.join(dist, ".vite/manifest.json");
  if (!existsSync(manifestPath)) {
    console.error(`No ${path.relative(process.cwd(), manifestPath)}: build the web app first (npm run build, with build.manifest).`);
    process.exit(2);
  }
  const missing = LOGIN_ROUTE_MODULES.filter((module) => !existsSync(path.join(ROOT, "web", module)));
  if (missing.length > 0) {
    console.error(`Login route modules not found (moved? update LOGIN_ROUTE_MODULES): ${missing.join(", ")}`);
    process.exit(2);
  }

  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const sizes = [...loginPageScripts(manifest, html)]
    .map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dist, file))).length }))
    .sort((a, b) => b.gzip - a.gzip);
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

  for (const { file, gzip } of sizes) console.log(`  ${kb(gzip).padStart(9)}  ${file}`);
  console.log(`Login page JavaScript: ${kb(total)} gzipped in ${sizes.length} files (budget ${budgetKb} kB).`);
  if (total > budgetKb * 1024) {
    console.error(`Over budget by ${kb(total - budgetKb * 1024)}: load the extra code lazily (see web/src/app/router.tsx).`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
