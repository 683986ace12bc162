/**
 * One rung of the scale ladder, in its own process (so that peak memory is this size's own):
 * `node --import tsx test/bench/scale-worker.ts <people>` prints one JSON line of medians (ms).
 */
import { pagerank } from 'graphology-metrics/centrality/index.js';
import { Bench } from 'tinybench';
import * as pm from '../../src/index.js';
import { rankScores } from '../../src/internal/rank-scores.js';
import { generateOrg } from './generate-org.js';

const n = Number(process.argv[2]);
const raw = generateOrg(n);
const deal = pm.parseDeal(raw);
const graph = pm.buildGraph(deal);
const fresh = () => {
  graph.memo.clear();
  return graph;
};
const big = n >= 10_000;
// Cheap operations run for the time budget (many samples), expensive ones at least `iterations` times.
const bench = new Bench({ time: n >= 100_000 ? 2000 : big ? 1000 : 300, iterations: n >= 100_000 ? 3 : big ? 5 : 20, warmupIterations: big ? 1 : 5 });

const tasks: [string, () => unknown][] = [
  ['parseDeal', () => pm.parseDeal(raw)],
  ['buildGraph', () => pm.buildGraph(deal)],
  ['rankKeyPeople', () => pm.rankKeyPeople(fresh())],
  ['  PageRank kernel only', () => rankScores(fresh())],
  ['measureSupportBase', () => pm.measureSupportBase(fresh())],
  ['findAllies', () => pm.findAllies(fresh())],
  ['findGatekeepers', () => pm.findGatekeepers(fresh())],
  ['predictConsensus', () => pm.predictConsensus(fresh())],
  ['recommendEngagements', () => pm.recommendEngagements(fresh())],
  ['checkDecisionMakerCoverage', () => pm.checkDecisionMakerCoverage(fresh())],
  ['findCoachCandidates', () => pm.findCoachCandidates(fresh())],
  ['analyzeResilience', () => pm.analyzeResilience(fresh())],
  ['assessInformation', () => pm.assessInformation(fresh())],
  ['assessSellingStage', () => pm.assessSellingStage(fresh())],
  ['measureBuyingCenter', () => pm.measureBuyingCenter(fresh())],
  ['assessDeal (raw JSON in)', () => pm.assessDeal(raw)],
];
// The peer baseline: graphology-metrics weighted PageRank on the same graph, run to the same
// accuracy as ours (graphology stops when the L1 change < N x tolerance, so tolerance = 1e-12 / N),
// and with its defaults (tolerance 1e-6 x N: few iterations, inaccurate at scale).
const gg = graph.graphology;
tasks.push(['graphology pagerank (same accuracy)', () => pagerank(gg, { getEdgeWeight: 'weight', tolerance: 1e-12 / n, maxIterations: 10_000 })]);
tasks.push(['graphology pagerank (its defaults)', () => pagerank(gg, { getEdgeWeight: 'weight' })]);
for (const [name, fn] of tasks) bench.add(name, fn);
await bench.run();

const median = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const result: Record<string, number> = {};
for (const task of bench.tasks) result[task.name] = median(task.result!.samples);
console.log(JSON.stringify({ n, edges: graph.edgeCount, medians: result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
