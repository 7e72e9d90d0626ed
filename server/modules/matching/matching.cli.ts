/**
 * `passerelle solve` and `passerelle match`: the engine from the command line. This file does the I/O (read a
 * file, print JSON); the engine itself stays pure.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parseCohort } from "./cohort-schema.ts";
import { solveDense } from "./dense-solver.ts";
import { matchCohort } from "./match-cohort.ts";
import type { Cohort, DenseProblem } from "./matching.domain.ts";

/**
 * Parses a dense score CSV: one row per mentee, one column per mentor, no header, comma-separated numbers, an empty
 * cell = forbidden pair. Errors name the line and column (1-based, as editors show them).
 */
export function parseScoreCsv(text: string): { rows: number; cols: number; scores: Float64Array } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  while (lines.length > 0 && (lines.at(-1) as string).trim() === "") lines.pop();
  if (lines.length === 0) throw new Error("the score matrix is empty");
  const cols = (lines[0] as string).split(",").length;
  const scores = new Float64Array(lines.length * cols);
  lines.forEach((line, r) => {
    const cells = line.split(",");
    if (cells.length !== cols) throw new Error(`line ${r + 1}: ${cells.length} columns, expected ${cols} (as on line 1)`);
    cells.forEach((cell, c) => {
      const text = cell.trim();
      if (text === "") {
        scores[r * cols + c] = Number.NaN;
        return;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) throw new Error(`line ${r + 1}, column ${c + 1}: "${text}" is not a number`);
      scores[r * cols + c] = value;
    });
  });
  return { rows: lines.length, cols, scores };
}

function parseNumberOption(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && (!Number.isInteger(n) || n < 1)))
    throw new Error(`--${name} must be ${integer ? "a positive integer" : "a number"}, got "${value}"`);
  return n;
}

/**
 * Solves a score matrix. Without a minimum score it matches as many mentees as possible, then maximises the total
 * (scipy's `linear_sum_assignment` semantics); with one, a mentee stays unmatched rather than take a pair below it.
 */
export function solveScoreMatrix(
  csv: string,
  options: { capacity?: number; minScore?: number } = {},
): { total: number; pairs: [number, number][]; unmatched: number[] } {
  const { rows, cols, scores } = parseScoreCsv(csv);
  const problem: DenseProblem = { rows, cols, scores, capacities: new Array(cols).fill(options.capacity ?? 1) };
  if (options.minScore === undefined) problem.matchAll = true;
  else problem.minScore = options.minScore;
  const result = solveDense(problem);
  const pairs: [number, number][] = [];
  const unmatched: number[] = [];
  for (let r = 0; r < rows; r++) {
    const c = result.columnOfRow[r] as number;
    if (c >= 0) pairs.push([r, c]);
    else unmatched.push(r);
  }
  return { total: result.total, pairs, unmatched };
}

function readInput(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/** Adds `solve` and `match` to the `passerelle` command line. */
export function registerMatchingCommands(program: Command): void {
  program
    .command("solve")
    .description("optimal assignment of a dense score matrix (CSV: one row per mentee, one column per mentor, empty cell = forbidden)")
    .requiredOption("--input <file>", "score matrix CSV, no header")
    .option("--capacity <k>", "mentees per mentor (default 1)")
    .option("--min-score <s>", "pairs below this score are not made; the mentee stays unmatched")
    .action((options: { input: string; capacity?: string; minScore?: string }) => {
      const capacity = parseNumberOption("capacity", options.capacity, true);
      const minScore = parseNumberOption("min-score", options.minScore, false);
      let result: ReturnType<typeof solveScoreMatrix>;
      try {
        result = solveScoreMatrix(readInput(options.input), { capacity, minScore });
      } catch (err) {
        throw new Error(`${options.input}: ${(err as Error).message}`);
      }
      process.stdout.write(`${JSON.stringify(result)}\n`);
    });

  program
    .command("match")
    .description("match a cohort (mentors, mentees, settings) and explain each pair in French and English")
    .requiredOption("--input <file>", "cohort JSON (see docs/matching.md)")
    .action((options: { input: string }) => {
      let cohort: Cohort;
      try {
        cohort = parseCohort(JSON.parse(readInput(options.input)));
      } catch (err) {
        throw new Error(`${options.input}: ${(err as Error).message}`);
      }
      process.stdout.write(`${JSON.stringify(matchCohort(cohort), null, 2)}\n`);
    });
}
