/**
 * Bounds: every score, probability, share and feasibility lies in [0, 1]; stances, lean and net in
 * [-1, 1]; the support interval brackets the net; coach criteria lie in [0, 1]; ranks run 1..N in
 * order; and no result holds NaN or Infinity anywhere (the result itself is walked, not its JSON,
 * which would turn NaN into null).
 *
 * The checks run on `assessDeal`, which holds every analysis, with random score options
 * (`alpha`, `normalization`), and on each analysis called on its own.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { assessDeal, buildGraph, predictConsensus, toCytoscapeJson, toSvg, type DealAssessment } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, real } from '../support/arbitraries.js';
import { ANALYSES, numbersIn } from '../support/public-api.js';

/** Rounding slack at the ends of a range. */
const EPS = 1e-12;

function within(x: number | null | undefined, lo: number, hi: number, what: string): void {
  expect(typeof x, `${what} is a number`).toBe('number');
  expect(x! >= lo - EPS && x! <= hi + EPS, `${what} = ${x} in [${lo}, ${hi}]`).toBe(true);
}

function stanceLike(x: number | null, what: string): void {
  if (x !== null) within(x, -1, 1, what);
}

function ranks(xs: readonly { rank: number }[], what: string): void {
  expect(xs.map((x) => x.rank), `${what} ranks`).toEqual(xs.map((_, k) => k + 1));
}

function finite(result: unknown, what: string): void {
  expect(numbersIn(result).filter(([, x]) => !Number.isFinite(x)), `non-finite numbers in ${what}`).toEqual([]);
}

/** Every bound of design.md section 6 on one assessment of a deal of `n` people. */
function checkBounds(a: DealAssessment, n: number): void {
  finite(a, 'assessDeal');

  // rankKeyPeople
  ranks(a.ranking.people, 'ranking');
  expect(a.ranking.people).toHaveLength(n);
  for (const p of a.ranking.people) {
    for (const [k, x] of [['score', p.score], ['own', p.parts.own], ['prior', p.prior], ['influence', p.influence], ['brokerage', p.brokerage]] as const)
      within(x, 0, 1, `${k} of ${p.id}`);
    for (const v of p.parts.via) within(v.amount, 0, 1, `via ${v.id} of ${p.id}`);
    expect(Number.isInteger(p.level) && p.level >= 1, `level of ${p.id}`).toBe(true);
  }
  within(a.ranking.assumedInfluence.value, 0, 1, 'assumed influence');

  // measureSupportBase
  const s = a.support;
  within(s.support, 0, 1, 'support');
  within(s.opposition, 0, 1, 'opposition');
  within(s.unknownShare, 0, 1, 'unknownShare');
  within(s.net, -1, 1, 'net');
  within(s.interval[0], -1, 1, 'interval low');
  within(s.interval[1], -1, 1, 'interval high');
  expect(s.interval[0] <= s.net + EPS && s.net <= s.interval[1] + EPS, `interval [${s.interval}] brackets net ${s.net}`).toBe(true);
  for (const c of s.contributors) {
    within(c.weight, 0, 1, `weight of ${c.id}`);
    stanceLike(c.stance, `stance of ${c.id}`);
    within(c.contribution, -1, 1, `contribution of ${c.id}`);
  }
  for (const g of [...s.byDepartment, ...s.byRole]) {
    for (const k of ['weight', 'support', 'opposition', 'unknownShare'] as const) within(g[k], 0, 1, `group ${k}`);
    within(g.net, -1, 1, 'group net');
  }

  // findAllies
  for (const ally of a.allies.allies) {
    within(ally.stance, 0.5, 1, `stance of ally ${ally.id}`);
    within(ally.rel, 0.3, 1, `rel of ally ${ally.id}`);
    within(ally.score, 0, 1, `score of ally ${ally.id}`);
  }
  within(a.allies.weight, 0, 1, 'allies weight');

  // findGatekeepers
  within(a.gatekeepers.brokerageCutoff, 0, 1, 'brokerage cutoff');
  for (const g of a.gatekeepers.gatekeepers) {
    expect(g.reasons.length, `reasons of ${g.id}`).toBeGreaterThan(0);
    within(g.brokerage, 0, 1, `brokerage of ${g.id}`);
    within(g.rel, 0, 1, `rel of ${g.id}`);
    within(g.score, 0, 1, `score of ${g.id}`);
    stanceLike(g.stance, `stance of ${g.id}`);
  }

  // predictConsensus: final stances stay within the range of the initial ones (unknown = 0).
  const c = a.consensus;
  within(c.lean, -1, 1, 'lean');
  const initial = c.stances.map((x) => x.initial ?? 0);
  const [lo, hi] = [Math.min(...initial), Math.max(...initial)];
  for (const x of c.stances) {
    stanceLike(x.initial, `initial stance of ${x.id}`);
    within(x.final, lo, hi, `final stance of ${x.id} (initial range)`);
    within(x.susceptibility, 0, 0.999, `susceptibility of ${x.id}`);
  }
  expect(c.residual).toBeLessThan(1e-12);

  // recommendEngagements: g = V^T v sums to 1 with V row-stochastic and non-negative, so g_j is in
  // [0, 1] and gain_j = g_j (target - u_j) in [0, 2].
  ranks(a.engagements.recommendations, 'engagements');
  for (const r of a.engagements.recommendations) {
    within(r.gain, 0, 2, `gain of ${r.id}`);
    within(r.feasibility, 0, 1, `feasibility of ${r.id}`);
    within(r.expected, 0, r.gain, `expected of ${r.id}`);
    for (const v of r.via) within(v.amount, 0, r.gain, `via ${v.id} of ${r.id}`);
    stanceLike(r.stance, `stance of ${r.id}`);
  }

  // checkDecisionMakerCoverage
  within(a.coverage.progress, 0, 1, 'progress');
  expect(a.coverage.decisionMakers.length).toBeGreaterThan(0);
  for (const dm of a.coverage.decisionMakers) {
    within(dm.rel, 0, 1, `rel of ${dm.id}`);
    stanceLike(dm.stance, `stance of ${dm.id}`);
    const probabilities = dm.alternatives.map((x) => x.probability);
    for (const p of probabilities) expect(p > 0 && p <= 1 + EPS, `path probability ${p} to ${dm.id}`).toBe(true);
    for (let k = 1; k < probabilities.length; k++) expect(probabilities[k]! <= probabilities[k - 1]! + EPS, `alternatives to ${dm.id} best first`).toBe(true);
    if (dm.best) {
      expect(dm.alternatives[0]).toEqual(dm.best);
      within(dm.bottleneck!.width, dm.best.probability, 1, `bottleneck width to ${dm.id} (at least the best probability)`);
    } else expect(dm.alternatives).toEqual([]);
    for (const x of dm.introducers) within(x.probability, 0, 1, `introducer ${x.id} of ${dm.id}`);
  }

  // findCoachCandidates
  ranks(a.coach.candidates, 'coach candidates');
  for (const x of [...a.coach.candidates, ...a.coach.current]) {
    within(x.score, 0, 1, `coach score of ${x.id}`);
    stanceLike(x.stance, `stance of ${x.id}`);
    expect(x.criteria).toHaveLength(8);
    for (const k of x.criteria) {
      within(k.value, 0, 1, `${k.criterion} of ${x.id}`);
      expect(k.weight).toBeGreaterThanOrEqual(0);
      if (k.logContribution !== null) expect(k.logContribution, `log ${k.criterion} of ${x.id}`).toBeLessThanOrEqual(EPS);
    }
  }

  // analyzeResilience
  within(a.resilience.baseline.support, 0, 1, 'baseline support');
  within(a.resilience.baseline.net, -1, 1, 'baseline net');
  for (const d of a.resilience.baseline.decisionMakerAccess) within(d.probability, 0, 1, `baseline access to ${d.id}`);
  for (const p of a.resilience.people) {
    within(p.support, 0, 1, `support without ${p.id}`);
    within(p.net, -1, 1, `net without ${p.id}`);
    within(p.netLoss, -2, 2, `net loss of ${p.id}`);
    for (const d of p.decisionMakerAccess) within(d.probability, 0, 1, `access to ${d.id} without ${p.id}`);
  }

  // assessInformation
  expect(a.information.points.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (const p of a.information.points) within(p.score, 0, 1, `score of point ${p.point}`);
  within(a.information.completeness, 0, 1, 'completeness');

  // assessSellingStage, measureBuyingCenter, thresholds, actions
  within(a.sellingStage.evidence.needsRecordedShare, 0, 1, 'needs recorded share');
  const bc = a.buyingCenter;
  within(bc.connectedness, 0, 1, 'connectedness');
  for (const x of bc.centrality) within(x.value, 0, 1, `centrality of ${x.id}`);
  for (const x of bc.grid) {
    within(x.power, 0, 1, `power of ${x.id}`);
    within(x.interest, 0, 1, `interest of ${x.id}`);
  }
  expect(bc.extensivity).toBeLessThanOrEqual(n);
  expect(bc.verticalInvolvement).toBeLessThanOrEqual(bc.extensivity);
  expect(bc.lateralInvolvement).toBeLessThanOrEqual(bc.extensivity);
  within(a.thresholds.passed, 0, 3, 'thresholds passed');
  expect(a.actions.map((x) => x.priority)).toEqual(a.actions.map((_, k) => k + 1));
}

describe('bounds', () => {
  test.prop([arbitraryDeal(), real(0, 0.95), fc.constantFrom('slack' as const, 'row' as const)], { seed: PROPERTY_SEED, numRuns: 100 })(
    'every score, probability and share is in [0, 1], every stance, lean and net in [-1, 1], and ranks run 1..N',
    (raw, alpha, normalization) => {
      checkBounds(assessDeal(raw, { alpha, normalization }), raw.people.length);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED + 1, numRuns: 60 })(
    'the committee lean of the decision makers is in [-1, 1] and within their initial range',
    (raw) => {
      const c = predictConsensus(raw, { decisionRule: 'dm-decides' });
      finite(c, 'predictConsensus');
      const initial = c.stances.map((x) => x.initial ?? 0);
      within(c.lean, Math.min(...initial), Math.max(...initial), 'lean (dm-decides)');
    },
    PROPERTY_TIMEOUT,
  );

  describe.each(ANALYSES)('%s', (name, run) => {
    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED + 2, numRuns: 40 })(
      `${name} holds no NaN or Infinity anywhere`,
      (raw) => {
        finite(run(raw), name);
        finite(run(buildGraph(raw)), `${name} (PowerGraph)`);
      },
      PROPERTY_TIMEOUT,
    );
  });

  test.prop([arbitraryDeal({ maxPeople: 10 })], { seed: PROPERTY_SEED, numRuns: 40 })(
    'the graph exports hold no NaN or Infinity: Cytoscape numbers are finite and SVG coordinates are numbers',
    (raw) => {
      const graph = buildGraph(raw);
      finite(toCytoscapeJson(graph), 'toCytoscapeJson');
      const svg = toSvg(assessDeal(graph), graph);
      const numeric = /\s(?:x|y|cx|cy|r|rx|width|height|x1|x2|y1|y2|d|points|transform|stroke-width|viewBox|opacity|fill-opacity)="([^"]*)"/g;
      const bad = [...svg.matchAll(numeric)].map((m) => m[0]).filter((attr) => /NaN|Infinity|undefined/.test(attr));
      expect(bad).toEqual([]);
    },
    PROPERTY_TIMEOUT,
  );
});
