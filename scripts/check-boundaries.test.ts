import { describe, expect, it } from "vitest";
import { findViolations, type SourceFile } from "./check-boundaries.ts";

const SCHEMA: SourceFile[] = [
  { path: "server/db/schema/people.ts", text: 'export const people = pgTable("people", {});' },
  { path: "server/db/schema/auth.ts", text: 'export const sessions = pgTable("sessions", {});' },
];
const PLATFORM = new Set(["auth"]);

function check(...files: SourceFile[]) {
  return findViolations([...SCHEMA, ...files], PLATFORM).map((v) => `${v.file}:${v.line} ${v.message}`);
}

describe("check-boundaries: imports", () => {
  it("refuses an import around another context's index.ts, and accepts the index", () => {
    expect(
      check({
        path: "server/modules/programmes/pairs.service.ts",
        text: 'import { a } from "../people/index.ts";\nimport { b } from "../people/people.repository.ts";\nimport { c } from "./pairs.repository.ts";',
      }),
    ).toEqual([
      "server/modules/programmes/pairs.service.ts:2 imports server/modules/people/people.repository.ts: go through server/modules/people/index.ts",
    ]);
  });

  it("lets the composition root register routes and tests reach inside", () => {
    expect(
      check(
        { path: "server/app.ts", text: 'import { peopleRoutes } from "./modules/people/people.routes.ts";' },
        { path: "server/test/world.ts", text: 'import { x } from "../modules/people/people.repository.ts";' },
      ),
    ).toEqual([]);
    expect(check({ path: "server/app.ts", text: 'import { x } from "./modules/people/people.repository.ts";' })).toHaveLength(1);
  });

  it("refuses a web feature reaching into another, lazily or not, and shared parts importing a feature", () => {
    expect(
      check(
        { path: "web/src/features/pairs/pair-page.tsx", text: 'const P = lazy(() => import("../proposals/proposals-page.tsx"));' },
        { path: "web/src/components/table.tsx", text: 'import { useMe } from "../features/auth/index.ts";' },
        { path: "web/src/app/router.tsx", text: 'import { LoginPage } from "../features/auth/login-page.tsx";' },
      ),
    ).toEqual([
      "web/src/features/pairs/pair-page.tsx:1 imports web/src/features/proposals/proposals-page.tsx: go through web/src/features/proposals/index.ts",
      "web/src/components/table.tsx:1 imports web/src/features/auth/index.ts: shared parts import no feature",
    ]);
  });
});

describe("check-boundaries: table writes", () => {
  it("refuses a write to another context's table, in drizzle or in SQL, and accepts the owner's repository", () => {
    expect(
      check(
        {
          path: "server/modules/profiles/profiles.repository.ts",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text the tool reads
          text: "await tx.insert(people).values(row);\nawait db.execute(sql`update people set email = ${e}`);",
        },
        { path: "server/modules/people/people.repository.ts", text: "await tx.update(people).set(row);" },
        { path: "server/modules/people/people.service.ts", text: "await tx.delete(people);" },
      ),
    ).toEqual([
      "server/modules/profiles/profiles.repository.ts:1 writes people, which only server/modules/people/*.repository.ts may write",
      "server/modules/profiles/profiles.repository.ts:2 writes people, which only server/modules/people/*.repository.ts may write",
      "server/modules/people/people.service.ts:1 writes people, which only server/modules/people/*.repository.ts may write",
    ]);
  });

  it("lets a platform folder write its own tables only", () => {
    expect(
      check(
        { path: "server/platform/auth/session-store.ts", text: "await db.delete(sessions);" },
        {
          path: "server/modules/accounts/accounts.repository.ts",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text the tool reads
          text: "await db.execute(sql`delete from ${sessions} where user_id = ${id}`);",
        },
      ),
    ).toEqual(["server/modules/accounts/accounts.repository.ts:1 writes sessions, which only server/platform/auth/ may write"]);
  });
});

describe("check-boundaries: ways around the rules", () => {
  it("sees a write through an alias, a namespace, a multi-line call or a schema-qualified SQL name", () => {
    expect(
      check({
        path: "server/modules/profiles/profiles.repository.ts",
        text: [
          'import { people as directory } from "../../db/schema.ts";',
          "await tx.insert(directory).values(row);",
          "await tx.update(schema.people).set(row);",
          "await tx.delete(\n  people,\n);",
          'await db.execute(sql`update "public"."people" set email = null`);',
        ].join("\n"),
      }),
    ).toEqual([
      "server/modules/profiles/profiles.repository.ts:2 writes directory, which only server/modules/people/*.repository.ts may write",
      "server/modules/profiles/profiles.repository.ts:3 writes people, which only server/modules/people/*.repository.ts may write",
      "server/modules/profiles/profiles.repository.ts:4 writes people, which only server/modules/people/*.repository.ts may write",
      "server/modules/profiles/profiles.repository.ts:7 writes people, which only server/modules/people/*.repository.ts may write",
    ]);
  });

  it("accepts only the context's own index.ts, and lets the web app's frame import pages only", () => {
    expect(
      check(
        { path: "server/modules/pairs/end-pair.ts", text: 'import { x } from "../people/internal/index.ts";' },
        {
          path: "web/src/app/router.tsx",
          text: 'import { useX } from "../features/pairs/queries.ts";\nimport { P } from "../features/pairs/pair-page.tsx";',
        },
      ),
    ).toEqual([
      "server/modules/pairs/end-pair.ts:1 imports server/modules/people/internal/index.ts: go through server/modules/people/index.ts",
      "web/src/app/router.tsx:1 imports web/src/features/pairs/queries.ts: go through web/src/features/pairs/index.ts",
    ]);
  });
});
