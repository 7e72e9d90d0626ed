/**
 * Builds the web app (web/dist) when it is missing or older than its sources, so that `npm start`
 * on a fresh clone serves the current UI. Staleness is a hash of the inputs, not timestamps:
 * a git checkout rewrites mtimes.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, "web/dist/.build-hash");
const inputs = ["web/src", "web/index.html", "web/vite.config.ts", "web/public", "contracts", "package-lock.json"];

function listFiles(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((name) => listFiles(path.join(p, name)));
}

const hash = createHash("sha256");
for (const file of inputs.flatMap((i) => listFiles(path.join(root, i)))) {
  if (file.endsWith(".test.ts") || file.endsWith(".test.tsx")) continue;
  hash.update(path.relative(root, file)).update(fs.readFileSync(file));
}
const digest = hash.digest("hex");

if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === digest) process.exit(0);
console.log("Building the web app (web/dist)…");
const started = Date.now();
await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });
fs.writeFileSync(stampFile, digest);
console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
