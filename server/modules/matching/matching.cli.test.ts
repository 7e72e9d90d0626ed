import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it, vi } from "vitest";
import { seededRandom } from "../../platform/random/seeded-random.ts";
import { parseScoreCsv, registerMatchingCommands } from "./matching.cli.ts";

const dir = mkdtempSync(path.join(tmpdir(), "passerelle-matching-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs the CLI in-process and returns what it printed. */
async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerMatchingCommands(program);
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe("passerelle solve", () => {
  it("prints total, pairs and unmatched rows with 0-based indices", async () => {
    const file = writeCsv("small.csv", "0.9,0.1\n0.8,0.7\n0.2,\n");
    const result = JSON.parse(await run(["solve", "--input", file]));
    expect(result).toEqual({
      total: 1.6,
      pairs: [
        [0, 0],
        [1, 1],
      ],
      unmatched: [2],
    });
  });

  it("respects --capacity and --min-score", async () => {
    const file = writeCsv("cap.csv", "0.9,0.1\n0.8,0.2\n0.7,0.3\n");
    expect(JSON.parse(await run(["solve", "--input", file, "--capacity", "2"])).total).toBeCloseTo(2.0);
    const strict = JSON.parse(await run(["solve", "--input", file, "--capacity", "2", "--min-score", "0.5"]));
    expect(strict.pairs).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(strict.unmatched).toEqual([2]);
    expect(strict.total).toBeCloseTo(1.7, 12);
  });

  it("names the line and column of a bad cell", async () => {
    const file = writeCsv("bad.csv", "0.1,0.2\n0.3,abc\n");
    await expect(run(["solve", "--input", file])).rejects.toThrow(/line 2, column 2: "abc" is not a number/);
    expect(() => parseScoreCsv("1,2\n3\n")).toThrow(/line 2: 1 columns, expected 2/);
    await expect(run(["solve", "--input", file, "--capacity", "0"])).rejects.toThrow(/--capacity must be a positive integer/);
  });
});

describe("passerelle match", () => {
  it("matches the documented example cohort with explanations in both languages", async () => {
    const example = path.resolve(import.meta.dirname, "../../../docs/examples/cohort.json");
    const result = JSON.parse(await run(["match", "--input", example]));
    expect(result.certificate.ok).toBe(true);
    const pair = result.pairs.find((p: { mentee: string }) => p.mentee === "s-francoise");
    expect(pair.mentor).toBe("m-lea");
    expect(pair.reasons[0].fr).toBe(
      "Le mentor enseigne Power BI et les tableaux de bord (niveau expert), que la personne mentorée veut apprendre (priorité 1).",
    );
    expect(pair.reasons[0].en).toBe(
      "The mentor teaches Power BI and dashboards (expert level), which the mentee wants to learn (priority 1).",
    );
    expect(pair.reasons[0].addressed.mentee.fr).toBe(
      "Votre mentor enseigne Power BI et les tableaux de bord (niveau expert), que vous voulez apprendre (priorité 1).",
    );
    // s-bernard manages m-lea and m-ines: the management chain rules them out.
    expect(result.pairs.find((p: { mentee: string }) => p.mentee === "s-bernard").mentor).toBe("m-karim");
    expect(JSON.parse(readFileSync(example, "utf8")).mentors.length).toBe(3);
  });
});

describe("passerelle match input validation", () => {
  it("refuses a bad cohort.json with the file name and the path of each bad field", async () => {
    const example = path.resolve(import.meta.dirname, "../../../docs/examples/cohort.json");
    const cohort = JSON.parse(readFileSync(example, "utf8"));
    cohort.mentees[3].wantsToLearn[0].priority = 0;
    const file = writeCsv("bad-cohort.json", JSON.stringify(cohort));
    await expect(run(["match", "--input", file])).rejects.toThrow(
      /bad-cohort\.json: invalid cohort \(1 problem\):\n {2}mentees\[3\]\.wantsToLearn\[0\]\.priority: expected an integer from 1 to 3, got 0/,
    );
    const broken = writeCsv("broken.json", "{ not json");
    await expect(run(["match", "--input", broken])).rejects.toThrow(/broken\.json: .*JSON/);
  });
});

function hasScipy(): boolean {
  const probe = spawnSync("python3", ["-c", "import scipy, numpy"], { stdio: "ignore" });
  return probe.status === 0;
}
const scipy = hasScipy();
if (!scipy) console.warn("matching.cli.test: python3 with scipy not found, skipping the scipy comparison");

describe.skipIf(!scipy)("passerelle solve vs scipy.optimize.linear_sum_assignment(maximize=True)", () => {
  // One python process for every matrix: importing scipy costs far more than solving these sizes.
  const script = [
    "import sys, json, numpy as np",
    "from scipy.optimize import linear_sum_assignment",
    "out = []",
    "for arg in sys.argv[1:]:",
    "    f, k = arg.rsplit(':', 1)",
    "    m = np.repeat(np.loadtxt(f, delimiter=',', ndmin=2), int(k), axis=1)",
    "    r, c = linear_sum_assignment(m, maximize=True)",
    "    out.append(float(m[r, c].sum()))",
    "print(json.dumps(out))",
  ].join("\n");

  it("gives the same total on random matrices, square and rectangular, with ties and negative scores, capacity 1 and 2", async () => {
    const cases: { file: string; capacity: number; label: string }[] = [];
    for (let seed = 1; seed <= 15; seed++) {
      const rand = seededRandom(seed);
      // The last three are large enough for the candidate-graph path (more than 40,000 cells).
      const size = seed > 12 ? 600 : 120;
      const rows = 5 + Math.floor(rand() * size);
      const cols = 5 + Math.floor(rand() * size);
      const kind = seed % 3;
      const lines = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () =>
          kind === 0 ? rand().toFixed(6) : kind === 1 ? String(Math.floor(rand() * 4)) : (rand() * 2 - 1).toFixed(4),
        ).join(","),
      );
      const file = writeCsv(`random-${seed}.csv`, `${lines.join("\n")}\n`);
      for (const capacity of [1, 2]) cases.push({ file, capacity, label: `seed ${seed}, ${rows}×${cols}, capacity ${capacity}` });
    }
    const expected = JSON.parse(
      execFileSync("python3", ["-c", script, ...cases.map((c) => `${c.file}:${c.capacity}`)], { encoding: "utf8" }),
    ) as number[];
    for (const [k, c] of cases.entries()) {
      const result = JSON.parse(await run(["solve", "--input", c.file, "--capacity", String(c.capacity)]));
      expect(result.total, c.label).toBeCloseTo(expected[k] as number, 8);
    }
  }, 60_000);
});
