/**
 * `npm run demo`: the app on a fresh demo data directory (./data-demo, wiped at each start) seeded
 * with the demo company. Refuses to wipe a directory another process is using.
 */
import fs from "node:fs";
import { loadConfig } from "../config.ts";
import { lockDataDir } from "../db/lock.ts";
import { exitWithStartError, startServer } from "../main.ts";
import { systemClock } from "../platform/clock/clock.ts";
import { seedDemo } from "./seed-demo.ts";

async function runDemo() {
  const config = loadConfig({ PASSERELLE_DATA_DIR: "./data-demo", ...process.env, DATABASE_URL: undefined });
  if (fs.existsSync(config.dataDir)) {
    const { release } = await lockDataDir(config.dataDir);
    await release();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
  await startServer(config, {
    seed: async (database) => {
      const logins = await seedDemo(database, systemClock);
      console.log("\nDemo accounts (password for all: passerelle-demo):");
      for (const l of logins) console.log(`  ${l.label.padEnd(10)} ${l.email.padEnd(42)} ${l.displayName} — ${l.jobTitle}`);
    },
  });
}

runDemo().catch(exitWithStartError);
