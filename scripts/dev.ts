/** `npm run dev`: the API with reload on change (port 3000) and Vite with hot reload (port 5173) in front of it. */
import { spawn } from "node:child_process";

// Links printed by the API (setup, invitations) must open the page served by Vite.
const apiEnv = { ...process.env, PASSERELLE_PUBLIC_URL: process.env.PASSERELLE_PUBLIC_URL ?? "http://localhost:5173" };
const children = [
  spawn("npx", ["tsx", "watch", "server/main.ts"], { stdio: "inherit", env: apiEnv }),
  spawn("npx", ["vite", "--config", "web/vite.config.ts"], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
