import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig(({ mode }) => {
  // loadEnv also reads process.env, so `PASSERELLE_API_URL=… npx vite` works without a .env file.
  const apiUrl = loadEnv(mode, webRoot, "PASSERELLE_").PASSERELLE_API_URL ?? "http://127.0.0.1:3000";
  return {
    root: webRoot,
    plugins: [react()],
    build: {
      outDir: "dist",
      emptyOutDir: true,
      // dist/.vite/manifest.json: which chunks each page loads, for scripts/check-bundle-budget.ts.
      manifest: true,
      rolldownOptions: {
        output: {
          // Every route loads lazily (src/app/router.tsx), and the login page stays under its budget
          // (scripts/check-bundle-budget.ts). Libraries change less often than the app, so those of the first
          // page get chunks of their own that stay cached across releases; `$initial` keeps each group to the
          // modules the entry imports statically, or a group would pull every page's components into the first
          // page. Other libraries follow the pages that use them; the two heavy ones get a named chunk.
          codeSplitting: {
            groups: [
              { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, tags: ["$initial"] },
              { name: "mantine", test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/, tags: ["$initial"] },
              { name: "vendor", test: /node_modules[\\/]/, tags: ["$initial"] },
              {
                // recharts and its dependencies (the self-assessment results). Listed rather than followed:
                // followed, they would bring along @mantine/charts' share of @mantine/core, which every page needs.
                name: "charts",
                test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|react-is)[\\/]/,
                includeDependenciesRecursively: false,
              },
              // react-markdown and the unified/micromark packages it alone uses (onboarding texts, objectives).
              { name: "markdown", test: /node_modules[\\/]react-markdown[\\/]/ },
            ],
          },
        },
      },
    },
    server: {
      port: 5173,
      strictPort: true,
      proxy: { "/api": apiUrl, "/healthz": apiUrl },
    },
  };
});
