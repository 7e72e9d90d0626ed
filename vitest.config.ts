import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "catalogue/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "web",
          include: ["web/src/**/*.test.{ts,tsx}"],
          // A browser-like DOM for components; a test that needs none says `// @vitest-environment node`.
          environment: "happy-dom",
          setupFiles: ["web/src/test/setup.ts"],
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
