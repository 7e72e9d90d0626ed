import { describe, expect, it } from "vitest";
import { loginPageScripts, type Manifest, scriptsOfHtml } from "./check-bundle-budget.ts";

const HTML = `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/index-1.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/react-1.js">
  <link rel="stylesheet" crossorigin href="/assets/index-1.css">
</head><body><div id="root"></div></body></html>`;

const MANIFEST: Manifest = {
  "index.html": {
    file: "assets/index-1.js",
    isEntry: true,
    imports: ["_react-1.js"],
    dynamicImports: ["src/login.tsx", "src/charts-page.tsx"],
  },
  "_react-1.js": { file: "assets/react-1.js" },
  "src/layout.tsx": { file: "assets/layout-1.js", isDynamicEntry: true, imports: ["_react-1.js"] },
  "src/login.tsx": { file: "assets/login-1.js", isDynamicEntry: true, imports: ["_form-1.js"], dynamicImports: ["_notifications-1.js"] },
  "_form-1.js": { file: "assets/form-1.js", imports: ["_input-1.js"] },
  "_input-1.js": { file: "assets/input-1.js" },
  "_notifications-1.js": { file: "assets/notifications-1.js" },
  "src/charts-page.tsx": { file: "assets/charts-page-1.js", isDynamicEntry: true, imports: ["_charts-1.js"] },
  "_charts-1.js": { file: "assets/charts-1.js" },
};

describe("the login page's scripts", () => {
  it("are what index.html loads and preloads, not its styles", () => {
    expect(scriptsOfHtml(HTML)).toEqual(["assets/index-1.js", "assets/react-1.js"]);
  });

  it("add the login route's chunks and their static imports, not what they import lazily nor other pages", () => {
    const files = loginPageScripts(MANIFEST, HTML, ["src/layout.tsx", "src/login.tsx"]);
    expect([...files].sort()).toEqual([
      "assets/form-1.js",
      "assets/index-1.js",
      "assets/input-1.js",
      "assets/layout-1.js",
      "assets/login-1.js",
      "assets/react-1.js",
    ]);
  });

  it("count a route module bundled into the entry once, with the entry", () => {
    const files = loginPageScripts(MANIFEST, HTML, ["src/not-split.tsx", "src/login.tsx"]);
    expect(files.has("assets/index-1.js")).toBe(true);
    expect(files.size).toBe(5);
  });
});
