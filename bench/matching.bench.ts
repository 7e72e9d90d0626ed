/**
 * `npm run bench:matching`: the matching engine against scipy's `linear_sum_assignment` (python3 subprocess, only the
 * solve timed) and the npm package `munkres` 2.0.4 on the same dense matrices, then the sparse path on a generated
 * company of 100,000 mentees and 100,000 mentors at capacities 1, 2 and 3. One run per case, after a JIT warm-up.
 * Targets (issue 4): dense ≤ 0.75× scipy on uniform scores for n ≥ 1000, ≤ 1.0× on mentoring-like scores, ≥ 1.3×
 * faster than munkres; sparse: solve ≤ 2 s at capacity 1 with a minimum score, ≤ 0.5 s at capacity ≥ 2, candidate
 * generation ≤ 5 s, peak memory ≤ 2 GiB. SIZES (e.g. "500,1000"; empty `SIZES=` skips the dense part), SPARSE_N,
 * CAPACITIES (e.g. "1"), MIN_SCORE, MAX_ROUNDS (rounds of pricing, default 30), MAX_SECONDS (no new round
 * after this, default 150), THREADS (worker threads for candidate
 * generation, default 2) and SKIP_SPARSE=1 can be set.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { munkres } from "munkres";
import {
  buildTeachingIndex,
  generateCandidatesParallel,
  pricedIndex,
  priceMenteesParallel,
} from "../server/modules/matching/candidates.ts";
import { checkDenseCertificate } from "../server/modules/matching/certificate.ts";
import { solveDense } from "../server/modules/matching/dense-solver.ts";
import { solveLarge } from "../server/modules/matching/large-matching.ts";
import type { Cohort } from "../server/modules/matching/matching.domain.ts";
import { indexedHardConstraints } from "../server/modules/matching/org-index.ts";
import { buildDictionaries, compileProfile, resolveWeights, scorePair } from "../server/modules/matching/score.ts";
import { generateCompany, uniformScores } from "./matching-generators.ts";

const sizes = (process.env.SIZES ?? "500,1000,2000,4000")
  .split(",")
  .filter((s) => s.trim() !== "")
  .map(Number);
const capacities = (process.env.CAPACITIES ?? "1,2,3").split(",").map(Number);
const sparseN = Number(process.env.SPARSE_N ?? 100_000);
const MUNKRES_LIMIT_S = 60;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-matching-bench-"));
// Collections between runs only when node runs with --expose-gc: forcing them otherwise (v8.setFlagsFromString)
// was measured to slow the next timed run down (V8 drops warm code), which would bias the table.
const gc = (globalThis as { gc?: () => void }).gc;

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Matching benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

/** Mentoring-like dense scores: the real score on a generated cohort (correlated skills, popular mentors, many ties). */
function mentoringScores(n: number, seed: number): Float64Array {
  const company = generateCompany({ mentees: n, mentors: n, seed });
  const dict = buildDictionaries([...company.mentors, ...company.mentees]);
  const cm = company.mentors.map((p) => compileProfile(p, dict));
  const ce = company.mentees.map((p) => compileProfile(p, dict));
  const weights = resolveWeights();
  const scores = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) scores[i * n + j] = scorePair(cm[j] as (typeof cm)[number], ce[i] as (typeof ce)[number], weights);
  return scores;
}

// ---- Dense ----
type DenseCase = { kind: "uniform" | "mentoring"; n: number; scores: Float64Array; file: string };
const cases: DenseCase[] = [];
for (const kind of ["uniform", "mentoring"] as const) {
  for (const n of sizes) {
    const scores = kind === "uniform" ? uniformScores(n, n) : mentoringScores(n, n);
    const file = path.join(tmp, `${kind}-${n}.f64`);
    fs.writeFileSync(file, new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength));
    cases.push({ kind, n, scores, file });
  }
}

// scipy: one python process for every matrix, each solve timed inside python.
const scipyResults = new Map<DenseCase, { seconds: number; total: number }>();
let scipyNote = "";
const python =
  cases.length === 0
    ? null
    : spawnSync("python3", [path.join(import.meta.dirname, "matching-scipy.py"), ...cases.map((c) => `${c.file}:${c.n}:${c.n}`)], {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      });
if (python === null) {
  scipyNote = "dense part skipped (SIZES is empty)";
} else if (python.status === 0) {
  const lines = python.stdout.trim().split("\n");
  scipyNote = `scipy ${JSON.parse(lines[0] as string).scipy}`;
  for (const [k, c] of cases.entries()) scipyResults.set(c, JSON.parse(lines[k + 1] as string));
} else {
  scipyNote = `scipy skipped: python3 with scipy not available (${(python.stderr || String(python.error)).trim().split("\n").pop()})`;
}
console.log(scipyNote);

// Warm-up: compile the hot paths on other matrices before timing anything.
for (const n of cases.length === 0 ? [] : [300, 1000]) {
  solveDense({ rows: n, cols: n, scores: uniformScores(n, 7 + n) });
  solveDense({ rows: n, cols: n, scores: mentoringScores(n, 7 + n) });
  munkres(Array.from({ length: 200 }, (_, i) => Array.from({ length: 200 }, (_, j) => -(((i * 31 + j * 17) % 97) / 97))));
}

type Row = Record<string, string>;
const table: Row[] = [];
let munkresPredicted = 0;
for (const c of cases) {
  gc?.();
  const started = performance.now();
  const result = solveDense({ rows: c.n, cols: c.n, scores: c.scores });
  const engineS = (performance.now() - started) / 1000;
  const certificate = checkDenseCertificate({ rows: c.n, cols: c.n, scores: c.scores }, result);
  const scipy = scipyResults.get(c);
  let munkresS: number | undefined;
  let munkresTotal: number | undefined;
  if (c.n === sizes[0]) munkresPredicted = 0; // each kind starts again from the smallest size
  if (munkresPredicted <= MUNKRES_LIMIT_S) {
    const matrix = Array.from({ length: c.n }, (_, i) => Array.from(c.scores.subarray(i * c.n, (i + 1) * c.n), (w) => -w));
    gc?.();
    const t = performance.now();
    const pairs = munkres(matrix);
    munkresS = (performance.now() - t) / 1000;
    munkresTotal = pairs.reduce((sum, [r, col]) => sum + (c.scores[r * c.n + col] as number), 0);
    munkresPredicted = munkresS * 8; // O(n³): the next size, twice as large
  }
  const totals = [result.total, scipy?.total, munkresTotal].filter((t): t is number => t !== undefined);
  const equal = totals.every((t) => Math.abs(t - result.total) <= 1e-9 * c.n);
  table.push({
    scores: c.kind,
    n: String(c.n),
    "engine s": engineS.toFixed(3),
    "scipy s": scipy ? scipy.seconds.toFixed(3) : "—",
    "engine/scipy": scipy ? (engineS / scipy.seconds).toFixed(2) : "—",
    "munkres s": munkresS !== undefined ? munkresS.toFixed(3) : `skipped (>${MUNKRES_LIMIT_S} s predicted)`,
    "munkres/engine": munkresS !== undefined ? (munkresS / engineS).toFixed(2) : "—",
    total: result.total.toFixed(6),
    "totals equal": equal ? "yes" : `NO (${totals.map((t) => t.toFixed(9)).join(" / ")})`,
    certificate: certificate.ok ? "ok" : `FAILED: ${certificate.violations[0]}`,
  });
}
if (cases.length > 0) console.log("\nDense (engine = solveDense, exact; ratios < 1 mean the engine is faster than scipy)");
if (cases.length > 0) console.table(table);

// ---- Sparse ----
if (process.env.SKIP_SPARSE !== "1") {
  const minScore = Number(process.env.MIN_SCORE ?? 0.5);
  const k = 50;
  const threads = Number(process.env.THREADS ?? 2);
  console.log(
    `\nSparse: ${sparseN.toLocaleString("en")} mentees × ${sparseN.toLocaleString("en")} mentors, K = ${k}, minimum score ${minScore}`,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
  cases.length = 0;
  gc?.();
  let t = performance.now();
  const company = generateCompany({ mentees: sparseN, mentors: sparseN, seed: 2026 });
  const dict = buildDictionaries([...company.mentors, ...company.mentees]);
  const cm = company.mentors.map((p) => compileProfile(p, dict));
  const ce = company.mentees.map((p) => compileProfile(p, dict));
  const cohort: Cohort = { ...company, settings: { minScore } };
  const weights = resolveWeights();
  const generationS = (performance.now() - t) / 1000;
  t = performance.now();
  // Hard constraints on integer indices (org tree as Euler-tour intervals): built inside the timed part.
  const forbidden = indexedHardConstraints(cohort, cm, ce);
  const isForbidden = (i: number, j: number): boolean => forbidden(i, j) !== null;
  const index = buildTeachingIndex(cm, dict.skillIds.length);
  const graph = await generateCandidatesParallel(ce, cm, index, { weights, k, minScore, isForbidden, threads });
  const candidatesS = (performance.now() - t) / 1000;
  console.log(
    `company generated and compiled in ${generationS.toFixed(1)} s; candidates: ${graph.col.length.toLocaleString("en")} pairs (${(graph.col.length / sparseN).toFixed(1)} per mentee) in ${candidatesS.toFixed(2)} s (${threads === 1 ? "one thread" : `${threads} worker threads`})`,
  );
  const sparseTable: Row[] = [];
  for (const capacity of capacities) {
    gc?.();
    const started = performance.now();
    const result = await solveLarge(graph, {
      capacities: new Int32Array(sparseN).fill(capacity),
      pairScore: (i, j) => scorePair(cm[j] as (typeof cm)[number], ce[i] as (typeof ce)[number], weights),
      maxRounds: Number(process.env.MAX_ROUNDS ?? 30),
      maxMs: 1000 * Number(process.env.MAX_SECONDS ?? 150),
      price: (rows, prices, problem) =>
        priceMenteesParallel(ce, cm, pricedIndex(index, prices.columnPrice), {
          weights,
          minScore,
          isForbidden,
          rows,
          utility: prices.rowPrice,
          graph: problem,
          threads,
        }),
    });
    const wallS = (performance.now() - started) / 1000;
    let matched = 0;
    for (const c of result.assignment.columnOfRow) if (c >= 0) matched++;
    const usage = process.resourceUsage();
    sparseTable.push({
      capacity: String(capacity),
      "candidates s": candidatesS.toFixed(2),
      "first solve s": (result.firstSolveMs / 1000).toFixed(3),
      "all solves s": (result.solveMs / 1000).toFixed(3),
      "prices s": (result.pricesMs / 1000).toFixed(3),
      "pricing s": (result.pricingMs / 1000).toFixed(3),
      "solve + proof s": wallS.toFixed(3),
      rounds: String(result.rounds),
      "mentees priced": result.pricedRows.toLocaleString("en"),
      "pairs added": result.addedPairs.toLocaleString("en"),
      matched: `${((100 * matched) / sparseN).toFixed(1)} %`,
      total: result.assignment.total.toFixed(3),
      "certificate (candidate graph)": result.certificate.candidateGraphOk ? "ok" : `FAILED: ${result.certificate.violations[0]}`,
      "proof over all pairs": result.certificate.ok
        ? "ok"
        : `not proved: ${result.certificate.rowsNotCovered.toLocaleString("en")} mentees could still improve`,
      "peak RSS MiB": (usage.maxRSS / 1024).toFixed(0),
    });
  }
  console.table(sparseTable);
  console.log(
    `heap used now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB; peak RSS is the process maximum so far (includes the dense part).`,
  );
}
fs.rmSync(tmp, { recursive: true, force: true });
