/**
 * Where `rankKeyPeople`'s time goes on a large graph, against graphology-metrics PageRank:
 * `node --import tsx test/bench/rank-parts.ts <people>` prints one JSON line of medians (ms) of
 * 7 runs: the PageRank kernel, brokerage, the rest of the result (parts, via lists, sorting), the
 * bare allocation of the smallest object of the result shape design section 6 fixes (numbers
 * precomputed), the whole function, and graphology at the same accuracy. docs/performance.md
 * explains why this makes a 10x lead over graphology impossible for the whole function.
 */
import { pagerank } from 'graphology-metrics/centrality/index.js';
import * as pm from '../../src/index.js';
import { brokerage } from '../../src/internal/betweenness.js';
import { listening, priors } from '../../src/internal/listening.js';
import { rankScores } from '../../src/internal/rank-scores.js';
import { generateOrg } from './generate-org.js';

const n = Number(process.argv[2] ?? 100_000);
const g = pm.buildGraph(pm.parseDeal(generateOrg(n)));
const gg = g.graphology;
const { ptr, idx } = g.influenceOut;
const times: Record<string, number[]> = { kernel: [], brokerage: [], rest: [], allocationOnly: [], rankKeyPeople: [], graphology: [] };
const time = (name: string, fn: () => unknown): void => {
  const t = performance.now();
  fn();
  times[name]!.push(performance.now() - t);
};
for (let run = 0; run < 7; run++) {
  g.memo.clear();
  time('kernel', () => rankScores(g));
  const { p } = rankScores(g);
  const { self, outW } = listening(g, 'slack');
  const { v } = priors(g);
  time('brokerage', () => brokerage(g));
  time('rest', () => pm.rankKeyPeople(g)); // the kernels are cached now: only the result is built
  time('allocationOnly', () => {
    const people = new Array<unknown>(g.n);
    for (let i = 0; i < g.n; i++) {
      const via: { id: string; amount: number }[] = [];
      for (let e = ptr[i]!; e < ptr[i + 1]!; e++) via.push({ id: g.ids[idx[e]!]!, amount: 0.5 * outW[e]! * p[idx[e]!]! });
      if (self[i]! > 1e-12) via.push({ id: g.ids[i]!, amount: 0.5 * self[i]! * p[i]! });
      people[i] = { id: g.ids[i]!, score: p[i]!, rank: i + 1, parts: { own: 0.5 * v[i]!, via } };
    }
    return people;
  });
  g.memo.clear();
  time('rankKeyPeople', () => pm.rankKeyPeople(g));
  time('graphology', () => pagerank(gg, { getEdgeWeight: 'weight', tolerance: 1e-12 / g.n, maxIterations: 10_000 }));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(JSON.stringify({ n, medians: Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)])) }));
