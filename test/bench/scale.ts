/**
 * The scale ladder (`npm run bench`): 20, 1,000, 10,000 and 100,000 generated people; per size
 * the median time of parseDeal, buildGraph, each analysis and assessDeal, peak memory, and
 * graphology-metrics PageRank on the same graph as the peer baseline. Then batch throughput on
 * 20-person deals, where rankKeyPeople's time goes at 100,000 people (test/bench/rank-parts.ts), and
 * the error of pivot-sampled brokerage on the 10,000-person graph.
 * Prints Markdown tables (docs/performance.md records one run). BENCH_SIZES=20,1000 to choose.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as pm from '../../src/index.js';
import { brokerage } from '../../src/internal/betweenness.js';
import { generateOrg } from './generate-org.js';

const sizes = (process.env.BENCH_SIZES ?? '20,1000,10000,100000').split(',').map(Number);
const rows: { n: number; edges: number; medians: Record<string, number>; peakRssMb: number }[] = [];
for (const n of sizes) {
  process.stderr.write(`bench: ${n} people...\n`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/scale-worker.ts', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  rows.push(JSON.parse(out.trim().split('\n').pop()!));
}

const fmt = (ms: number | undefined) => (ms === undefined ? '' : ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const names = Object.keys(rows[0]!.medians);
console.log(`\n| operation | ${rows.map((r) => `${r.n.toLocaleString('en')} people (${r.edges.toLocaleString('en')} edges)`).join(' | ')} |`);
console.log(`|---|${rows.map(() => '---:').join('|')}|`);
for (const name of names) console.log(`| ${name} | ${rows.map((r) => fmt(r.medians[name])).join(' | ')} |`);
console.log(`| peak RSS (whole process) | ${rows.map((r) => `${r.peakRssMb.toFixed(0)} MB`).join(' | ')} |`);
for (const r of rows) {
  const ours = r.medians['rankKeyPeople']!;
  const kernel = r.medians['  PageRank kernel only']!;
  const peer = r.medians['graphology pagerank (same accuracy)']!;
  console.log(`\n${r.n} people: graphology pagerank / rankKeyPeople = ${(peer / ours).toFixed(1)}x; / PageRank kernel = ${(peer / kernel).toFixed(1)}x`);
}

// One end-to-end assessment alone in its process: time and peak memory (the worker's RSS above
// also holds every benchmark, the graphology graph and tinybench's samples).
for (const n of sizes.filter((x) => x >= 10_000)) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/assess-rss.ts', String(n)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; peakRssMb: number };
  console.log(`\nassessDeal alone, ${n.toLocaleString('en')} people: ${fmt(r.ms)} (one cold run), peak RSS ${r.peakRssMb.toFixed(0)} MB`);
}

// Where rankKeyPeople's time goes at the largest size, and the floor the result shape sets.
if (sizes.includes(100_000)) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/rank-parts.ts', '100000'], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { medians: Record<string, number> };
  const m = r.medians;
  console.log(
    `\nrankKeyPeople, 100,000 people (medians of 7): kernel ${fmt(m.kernel)}, brokerage ${fmt(m.brokerage)}, ` +
      `the rest of the result ${fmt(m.rest)}, whole ${fmt(m.rankKeyPeople)}; allocating the bare result shape ${fmt(m.allocationOnly)}; ` +
      `graphology pagerank ${fmt(m.graphology)}. Best possible without brokerage: ${(m.graphology! / (m.kernel! + m.allocationOnly!)).toFixed(1)}x`,
  );
}

// Batch throughput: 20-person deals, NDJSON lines in, summaries out (parse + validate + assess):
// in process through assessLines (after a warm-up), and end to end through the built CLI.
{
  const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify(generateOrg(20, i + 1)));
  for await (const _ of pm.assessLines(Readable.from(lines.slice(0, 500)))) void _;
  const t = performance.now();
  let ok = 0;
  for await (const r of pm.assessLines(Readable.from(lines))) if (r.ok) ok++;
  const s = (performance.now() - t) / 1000;
  console.log(`\nbatch (assessLines, in process, warm): ${lines.length} 20-person deals in ${s.toFixed(2)} s = ${(lines.length / s).toFixed(0)} deals/s (${ok} ok)`);
  if (existsSync('dist/cli.js')) {
    const dir = mkdtempSync(join(tmpdir(), 'powermap-bench-'));
    const file = join(dir, 'deals.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const t2 = performance.now();
    execFileSync(process.execPath, ['dist/cli.js', 'batch', file], { stdio: ['ignore', 'ignore', 'ignore'] });
    const s2 = (performance.now() - t2) / 1000;
    rmSync(dir, { recursive: true, force: true });
    console.log(`powermap batch (CLI, end to end, cold start): ${lines.length} deals in ${s2.toFixed(2)} s = ${(lines.length / s2).toFixed(0)} deals/s`);
  } else console.log('powermap batch (CLI): skipped, run `npm run build` first');
}

// Brokerage error on the 10,000-person graph: pivot-sampled (the default) against exact.
if (sizes.includes(10_000)) {
  const g = pm.buildGraph(pm.parseDeal(generateOrg(10_000)));
  const t0 = performance.now();
  const exact = brokerage(g, { exactLimit: Infinity, pivots: 'auto', seed: 1 }).value;
  const tExact = performance.now() - t0;
  const t1 = performance.now();
  const sampled = brokerage(g, { exactLimit: 2000, pivots: 'auto', seed: 1 });
  const tSampled = performance.now() - t1;
  const ids = Array.from({ length: g.n }, (_, i) => i);
  const top = (v: Float64Array, k: number) => new Set([...ids].sort((a, b) => v[b]! - v[a]!).slice(0, k));
  const max = exact.reduce((m, x) => Math.max(m, x), 0);
  let maxAbs = 0;
  for (let i = 0; i < g.n; i++) maxAbs = Math.max(maxAbs, Math.abs(sampled.value[i]! - exact[i]!));
  const topExact = [...top(exact, 100)];
  const relErr = topExact.map((i) => Math.abs(sampled.value[i]! - exact[i]!) / exact[i]!).sort((a, b) => a - b);
  const overlap = (k: number) => {
    const a = top(exact, k);
    return [...top(sampled.value, k)].filter((i) => a.has(i)).length / k;
  };
  // The top quartile decides gatekeepers: agreement of that set.
  const q = Math.ceil(g.n / 4);
  console.log(
    `\nbrokerage on 10,000 people: exact ${(tExact / 1000).toFixed(1)} s, sampled (${sampled.sources} pivots) ${tSampled.toFixed(0)} ms; ` +
      `max |error| ${(maxAbs / max).toFixed(3)} of the top value; top-100 relative error median ${relErr[50]!.toFixed(3)}, 90th pct ${relErr[90]!.toFixed(3)}; ` +
      `top-10 overlap ${(overlap(10) * 100).toFixed(0)}%, top-100 ${(overlap(100) * 100).toFixed(0)}%, top quartile ${(overlap(q) * 100).toFixed(1)}%`,
  );
}
