import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Both cores: vitest's default leaves one free (one file at a time on CI's two), and most of a test file's
    // time is opening its embedded database (PGlite's initdb, 2–3 s), which runs as well beside another.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "catalogue/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          // The engine's exhaustive checks take 1–3 s alone; with the other projects on two cores, more.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "web",
          include: ["web/src/**/*.test.{ts,tsx}"],
          // A browser-like DOM for components; a test that needs none says `// @vitest-environment node`.
          environment: "happy-dom",
          setupFiles: ["web/src/test/setup.ts"],
          // Rendering Mantine pages in happy-dom takes a second or two; the default 5 s is tight when the integration
          // project shares the machine's two cores.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts"],
          globalSetup: ["server/test/global-setup.ts"],
          // Each file gets its own database; argon2 hashing makes some tests slower than the default budget.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
