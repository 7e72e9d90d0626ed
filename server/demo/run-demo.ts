/**
 * `npm run demo`: the app on a fresh demo data directory (./data-demo, wiped at each start) seeded
 * with the demo company. Refuses to wipe a directory another process is using. Its emails stay in the
 * outbox (SMTP_URL is ignored): the demo's addresses are made up.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.ts";
import { LOCK_FILE, lockDataDir } from "../db/lock.ts";
import { exitWithStartError, startServer } from "../main.ts";
import { systemClock } from "../platform/clock/clock.ts";
import { seedDemo } from "./seed-demo.ts";

async function runDemo() {
  const config = loadConfig({ PASSERELLE_DATA_DIR: "./data-demo", ...process.env, DATABASE_URL: undefined, SMTP_URL: undefined });
  // The lock is held from the wipe to the end: no other process can open the directory in between.
  const lock = await lockDataDir(config.dataDir);
  for (const entry of fs.readdirSync(config.dataDir)) {
    if (entry !== LOCK_FILE) fs.rmSync(path.join(config.dataDir, entry), { recursive: true, force: true });
  }
  await startServer(config, {
    lock,
    seed: async (database) => {
      const logins = await seedDemo({ database, clock: systemClock, config });
      const named = logins.filter((l) => l.label !== "participant");
      console.log("\nDemo accounts (password for all: passerelle-demo):");
      for (const l of named) console.log(`  ${l.label.padEnd(10)} ${l.email.padEnd(42)} ${l.displayName} — ${l.jobTitle}`);
      const example = logins.find((l) => l.label === "participant");
      if (example)
        console.log(`  and ${logins.length - named.length} other participants of the programmes, e.g. ${example.email} (same password)`);
    },
  });
}

runDemo().catch(exitWithStartError);
