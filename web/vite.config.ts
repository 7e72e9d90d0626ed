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
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
              { name: "mantine", test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
              { name: "vendor", test: /node_modules[\\/]/ },
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
