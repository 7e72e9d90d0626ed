import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "server/**/*.test.ts",
            "contracts/**/*.test.ts",
            "catalogue/**/*.test.ts",
            "web/src/**/*.test.{ts,tsx}",
            "scripts/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
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
