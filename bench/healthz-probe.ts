/**
 * The outside observer of `bench:import`, in its own process (a probe in the server's process would
 * be frozen with it): `tsx bench/healthz-probe.ts BASE_URL COOKIE` asks for /healthz every 25 ms,
 * one web app file and one API read (GET /api/me) every 100 ms, each after the previous answer,
 * until its standard input closes; then prints one JSON line with the latencies in milliseconds.
 */
const [base, cookie] = process.argv.slice(2);
if (!base) throw new Error("usage: healthz-probe.ts BASE_URL [COOKIE]");

type Series = number[];
const series: Record<"healthz" | "webFile" | "api", Series> = { healthz: [], webFile: [], api: [] };
let isRunning = true;
process.stdin.on("close", () => {
  isRunning = false;
});
process.stdin.resume();

async function probe(name: keyof typeof series, path: string, everyMs: number, headers: Record<string, string> = {}) {
  while (isRunning) {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${path}`, { headers });
      await response.arrayBuffer();
      series[name].push(performance.now() - started);
    } catch {
      series[name].push(Number.POSITIVE_INFINITY);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const summarise = (values: Series) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
};

await Promise.all([
  probe("healthz", "/healthz", 25),
  probe("webFile", "/favicon.svg", 100, cookie ? { cookie } : {}),
  probe("api", "/api/me", 100, cookie ? { cookie } : {}),
]);
console.log(JSON.stringify(Object.fromEntries(Object.entries(series).map(([k, v]) => [k, summarise(v)]))));
