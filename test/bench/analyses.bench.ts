/**
 * Benchmarks of the core analyses on generated organisations (`npm run bench`).
 * Timings only: correctness lives in the tests.
 */
import { bench, describe } from 'vitest';
import {
  analyzeResilience,
  buildGraph,
  checkDecisionMakerCoverage,
  findCoachCandidates,
  findGatekeepers,
  measureSupportBase,
  parseDeal,
  predictConsensus,
  rankKeyPeople,
  recommendEngagements,
} from '../../src/index.js';
import { generateOrg } from './generate-org.js';

for (const n of [20, 1_000, 10_000]) {
  const raw = generateOrg(n);
  const deal = parseDeal(raw);
  // Each call starts from an empty kernel memo so that cached kernels do not hide the cost.
  const graph = buildGraph(deal);
  const fresh = () => {
    graph.memo.clear();
    return graph;
  };
  const options = { time: n >= 10_000 ? 2_000 : 500 };
  describe(`${n} people`, () => {
    bench('parseDeal', () => void parseDeal(raw), options);
    bench('buildGraph', () => void buildGraph(deal), options);
    bench('rankKeyPeople', () => void rankKeyPeople(fresh()), options);
    bench('measureSupportBase', () => void measureSupportBase(fresh()), options);
    bench('findGatekeepers', () => void findGatekeepers(fresh()), options);
    bench('predictConsensus', () => void predictConsensus(fresh()), options);
    bench('recommendEngagements', () => void recommendEngagements(fresh()), options);
    bench('checkDecisionMakerCoverage', () => void checkDecisionMakerCoverage(fresh()), options);
    bench('findCoachCandidates', () => void findCoachCandidates(fresh()), options);
    if (n <= 1_000) bench('analyzeResilience', () => void analyzeResilience(fresh()), options);
  });
}
