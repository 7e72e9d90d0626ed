/**
 * The zod schema of `passerelle match`'s input (`cohort.json`, see docs/matching.md §6 and
 * docs/examples/cohort.json). `parseCohort` turns any JSON value into a `Cohort` or throws an error listing every
 * problem with its path, e.g. `mentees[3].wantsToLearn[0].priority: expected an integer from 1 to 3, got 5`.
 */
import { z } from "zod";
import { FORMATS } from "../../../contracts/profiles.ts";
import type { Cohort } from "./matching.domain.ts";

const nonEmpty = z.string().trim().min(1, { error: "must not be empty" });
const pairRef = z.strictObject({ mentor: nonEmpty, mentee: nonEmpty });
const slot = z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)-(am|pm|eve)$/, {
  error: (i) => `expected a slot such as "tue-am" (day-part), got ${JSON.stringify(i.input)}`,
});

/** One participant's matching profile (the fields of the people issue; other fields, e.g. a name, are ignored). */
export const matchingProfileSchema = z.object({
  id: nonEmpty,
  employeeId: nonEmpty.optional(),
  managerEmployeeId: nonEmpty.optional(),
  department: z.string().optional(),
  team: z.string().optional(),
  languages: z.array(
    z.string().regex(/^[a-z]{2}$/, { error: (i) => `expected an ISO 639-1 code such as "fr", got ${JSON.stringify(i.input)}` }),
  ),
  teaches: z.array(
    z.strictObject({
      skill: nonEmpty,
      level: z
        .int({ error: (i) => `expected an integer from 0 to 4, got ${JSON.stringify(i.input)}` })
        .min(0, {
          error: (i) => `expected an integer from 0 to 4, got ${JSON.stringify(i.input)}`,
        })
        .max(4, { error: (i) => `expected an integer from 0 to 4, got ${JSON.stringify(i.input)}` }),
    }),
  ),
  wantsToLearn: z.array(
    z.strictObject({
      skill: nonEmpty,
      priority: z
        .int({ error: (i) => `expected an integer from 1 to 3, got ${JSON.stringify(i.input)}` })
        .min(1, {
          error: (i) => `expected an integer from 1 to 3, got ${JSON.stringify(i.input)}`,
        })
        .max(3, { error: (i) => `expected an integer from 1 to 3, got ${JSON.stringify(i.input)}` }),
    }),
  ),
  offers: z.array(nonEmpty),
  interests: z.array(z.string()),
  availability: z.array(slot),
  format: z.enum(FORMATS, {
    error: (i) => `expected "in_person", "online" or "both", got ${JSON.stringify(i.input)}`,
  }),
  capacity: z
    .int({ error: (i) => `expected a positive integer, got ${JSON.stringify(i.input)}` })
    .min(1, {
      error: (i) => `expected a positive integer, got ${JSON.stringify(i.input)}`,
    })
    .optional(),
});

const weight = z.number().min(0, { error: "must be ≥ 0" });

/** Programme settings of a run (all optional; defaults in docs/matching.md). */
export const matchingSettingsSchema = z.strictObject({
  weights: z
    .strictObject({
      teaching: weight.optional(),
      reciprocity: weight.optional(),
      interests: weight.optional(),
      availability: weight.optional(),
      format: weight.optional(),
      language: weight.optional(),
    })
    .optional(),
  minScore: z.number().optional(),
  defaultCapacity: z.int({ error: "expected a positive integer" }).min(1, { error: "expected a positive integer" }).optional(),
  managementChainDepth: z.int({ error: "expected a positive integer" }).min(1, { error: "expected a positive integer" }).optional(),
  forbidSameTeam: z.boolean().optional(),
  forbid: z.array(pairRef).optional(),
  lock: z.array(pairRef).optional(),
  mode: z.enum(["optimal", "stable"], { error: (i) => `expected "optimal" or "stable", got ${JSON.stringify(i.input)}` }).optional(),
});

/** The whole `cohort.json`. */
export const cohortSchema = z
  .strictObject({
    settings: matchingSettingsSchema.optional(),
    orgChart: z.record(z.string(), z.string()).optional(),
    skillLabels: z.record(z.string(), z.strictObject({ fr: z.string(), en: z.string() })).optional(),
    mentors: z.array(matchingProfileSchema, { error: "expected an array of profiles" }),
    mentees: z.array(matchingProfileSchema, { error: "expected an array of profiles" }),
  })
  .superRefine((cohort, ctx) => {
    for (const side of ["mentors", "mentees"] as const) {
      const seen = new Map<string, number>();
      cohort[side].forEach((p, k) => {
        const first = seen.get(p.id);
        if (first !== undefined)
          ctx.addIssue({ code: "custom", path: [side, k, "id"], message: `duplicate id "${p.id}" (also ${side}[${first}])` });
        else seen.set(p.id, k);
      });
    }
    const mentorIds = new Set(cohort.mentors.map((p) => p.id));
    const menteeIds = new Set(cohort.mentees.map((p) => p.id));
    for (const list of ["forbid", "lock"] as const) {
      cohort.settings?.[list]?.forEach((ref, k) => {
        if (!mentorIds.has(ref.mentor))
          ctx.addIssue({ code: "custom", path: ["settings", list, k, "mentor"], message: `no mentor has id "${ref.mentor}"` });
        if (!menteeIds.has(ref.mentee))
          ctx.addIssue({ code: "custom", path: ["settings", list, k, "mentee"], message: `no mentee has id "${ref.mentee}"` });
      });
    }
  });

/** `mentees[3].wantsToLearn[0].priority` from zod's path array (the root is `(root)`). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === "" ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out === "" ? "(root)" : out;
}

/** Error thrown by `parseCohort`: one line per problem, each starting with its path. */
export class CohortValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid cohort (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "CohortValidationError";
  }
}

/** At most this many problems are listed (a wrong file can have thousands). */
const MAX_PROBLEMS = 20;

/** Validates a parsed `cohort.json`; throws `CohortValidationError` naming each bad field's path. */
export function parseCohort(value: unknown): Cohort {
  const result = cohortSchema.safeParse(value);
  if (result.success) return result.data as Cohort;
  const all = result.error.issues.flatMap((issue): string[] => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field (check its spelling in docs/matching.md)`);
    if (issue.code === "invalid_type" && / received undefined$/.test(issue.message))
      return [`${formatPath(issue.path)}: missing (expected ${issue.expected})`];
    return [`${formatPath(issue.path)}: ${issue.message}`];
  });
  const problems = all.slice(0, MAX_PROBLEMS);
  if (all.length > MAX_PROBLEMS) problems.push(`… and ${all.length - MAX_PROBLEMS} more`);
  throw new CohortValidationError(problems);
}
