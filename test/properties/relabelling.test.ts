/**
 * Invariance under relabelling: mapping every person id through a bijection (a prefix and a
 * permutation of the sorted ids, so that id order changes) changes nothing but names. Scores per
 * person are equal, paths are equal after mapping, flags name the same people after mapping.
 *
 * What may legitimately change, and is therefore compared per id and not by position:
 * - the order of tied items (design.md section 6: ties sort by id), and a rank when the score is tied;
 * - the choice among tied alternatives: an inferred decision maker (the top score, ties by id), the
 *   best introduction path when the second best is as probable (Dijkstra keeps the smaller index),
 *   the widest path, and what is built on those (gatekeepers on the best path, flags naming the top
 *   coach candidate or the top quartile). Those comparisons run only when there is no such tie;
 * - the last bits of iterative solves: sums run in index order, which the relabelling changes. The
 *   key-people score is solved to an L1 change below 1e-12 (compared to 1e-12); Friedkin–Johnsen
 *   stances by Gauss–Seidel sweeps in index order to a max change below 1e-12, whose error bound
 *   grows with susceptibility (up to 0.999), so they are compared to 1e-9;
 * - text that quotes a display name, which falls back to the id for an unnamed person.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  analyzeResilience,
  assessDeal,
  assessInformation,
  assessSellingStage,
  checkDecisionMakerCoverage,
  classifyAccount,
  findAllies,
  findCoachCandidates,
  findGatekeepers,
  measureBuyingCenter,
  measureSupportBase,
  parseDeal,
  predictConsensus,
  rankKeyPeople,
  recommendEngagements,
  type Coverage,
  type Explanation,
} from '../../src/index.js';
import { relabel } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, type RawDeal } from '../support/arbitraries.js';
import { anyTie, tied } from '../support/public-api.js';

/** A deal, the same deal relabelled, and the renaming. */
interface Relabelled {
  raw: RawDeal;
  renamed: RawDeal;
  rename: (id: string) => string;
}

const PREFIXES = ['p', 'Z-', 'person/', '人', '__proto__'];

/**
 * Sorted ids s_0 < s_1 < ... are renamed `${prefix}${perm[i]}` (two digits): fully reversed now and
 * then, else a random permutation, so the id order of the relabelled deal differs from the original.
 */
const arbitraryRelabelled = (options: { maxPeople?: number } = {}): fc.Arbitrary<Relabelled> =>
  arbitraryDeal(options).chain((raw) => {
    const n = raw.people.length;
    const indices = Array.from({ length: n }, (_, i) => i);
    return fc
      .tuple(
        fc.oneof(fc.constant([...indices].reverse()), fc.shuffledSubarray(indices, { minLength: n, maxLength: n })),
        fc.constantFrom(...PREFIXES),
      )
      .map(([perm, prefix]): Relabelled => {
        const sorted = raw.people.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const names = new Map(sorted.map((id, i) => [id, `${prefix}${String(perm[i]).padStart(2, '0')}`]));
        const rename = (id: string) => names.get(id)!;
        return { raw, renamed: relabel(raw, rename), rename };
      });
  });

const PAGERANK = 1e-12;
const DYNAMICS = 1e-9;

function near(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** The items of a list by id, after checking that the ids are the mapped ids of the other list. */
function matchIds<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], rename: (id: string) => string, what: string): Map<string, T> {
  expect([...after.map((x) => x.id)].sort(), what).toEqual(before.map((x) => rename(x.id)).sort());
  return new Map(after.map((x) => [x.id, x]));
}

const sortedIds = (ids: readonly string[]) => [...ids].sort();
const codes = (xs: readonly Explanation[]) => xs.map((x) => x.code);

/** Whether the decision makers are inferred and the top score among the candidates is tied, so that renaming may pick another. */
function decisionMakerTie(raw: RawDeal): boolean {
  const parsed = parseDeal(raw);
  const marked = parsed.people.some((p) => p.roles.includes('decision-maker') || p.roles.includes('economic-buyer'));
  if (marked) return false;
  const scores = new Map(rankKeyPeople(raw).people.map((p) => [p.id, p.score]));
  const anyTop = parsed.people.some((p) => p.reportsTo.length === 0);
  const candidates = parsed.people.filter((p) => !anyTop || p.reportsTo.length === 0).map((p) => scores.get(p.id)!);
  const top = Math.max(...candidates);
  return candidates.filter((s) => tied(s, top)).length > 1;
}

/** Whether some decision maker's best path is tied with the second best (with the default k, alternatives hold both). */
function bestPathTie(coverage: Coverage): boolean {
  return coverage.decisionMakers.some((dm) => dm.alternatives.length > 1 && tied(dm.alternatives[0]!.probability, dm.alternatives[1]!.probability));
}

const SETTINGS = { seed: PROPERTY_SEED, numRuns: 60 };

describe('relabelling person ids changes nothing but names', () => {
  test.prop([arbitraryRelabelled()], SETTINGS)(
    'rankKeyPeople: every score, part, prior, brokerage and level is the same per person',
    ({ raw, renamed, rename }) => {
      const before = rankKeyPeople(raw);
      const after = rankKeyPeople(renamed);
      const byId = matchIds(before.people, after.people, rename, 'people');
      for (const p of before.people) {
        const q = byId.get(rename(p.id))!;
        near(q.score, p.score, PAGERANK, `score of ${p.id}`);
        near(q.parts.own, p.parts.own, PAGERANK, `own of ${p.id}`);
        near(q.prior, p.prior, PAGERANK, `prior of ${p.id}`);
        near(q.brokerage, p.brokerage, PAGERANK, `brokerage of ${p.id}`);
        expect([q.influence, q.influenceAssumed, q.level]).toEqual([p.influence, p.influenceAssumed, p.level]);
        const via = matchIds(p.parts.via, q.parts.via, rename, `via of ${p.id}`);
        for (const x of p.parts.via) near(via.get(rename(x.id))!.amount, x.amount, PAGERANK, `via ${x.id} of ${p.id}`);
        // A rank is tie-independent when nobody else has a tied score.
        if (!before.people.some((o) => o !== p && tied(o.score, p.score))) expect(q.rank, `rank of ${p.id}`).toBe(p.rank);
      }
      expect(sortedIds(after.assumedInfluence.ids)).toEqual(sortedIds(before.assumedInfluence.ids.map(rename)));
      expect(after.assumedInfluence.value).toBe(before.assumedInfluence.value);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)(
    'measureSupportBase: the shares, the interval, every contribution and every group are the same',
    ({ raw, renamed, rename }) => {
      const before = measureSupportBase(raw);
      const after = measureSupportBase(renamed);
      for (const key of ['support', 'opposition', 'net', 'unknownShare'] as const) near(after[key], before[key], PAGERANK, key);
      near(after.interval[0], before.interval[0], PAGERANK, 'interval low');
      near(after.interval[1], before.interval[1], PAGERANK, 'interval high');
      const byId = matchIds(before.contributors, after.contributors, rename, 'contributors');
      for (const c of before.contributors) {
        const d = byId.get(rename(c.id))!;
        near(d.weight, c.weight, PAGERANK, `weight of ${c.id}`);
        near(d.contribution, c.contribution, PAGERANK, `contribution of ${c.id}`);
        expect(d.stance).toBe(c.stance);
      }
      const groups = <G extends { weight: number; support: number; opposition: number; net: number; unknownShare: number; people: readonly string[] }>(
        xs: readonly G[],
        ys: readonly G[],
        key: (g: G) => string | null,
      ) => {
        const after = new Map(ys.map((g) => [key(g), g]));
        expect([...after.keys()].sort()).toEqual(xs.map(key).sort());
        for (const g of xs) {
          const h = after.get(key(g))!;
          for (const k of ['weight', 'support', 'opposition', 'net', 'unknownShare'] as const) near(h[k], g[k], PAGERANK, `${key(g)}.${k}`);
          expect(sortedIds(h.people)).toEqual(sortedIds(g.people.map(rename)));
        }
      };
      groups(before.byDepartment, after.byDepartment, (g) => g.department);
      groups(before.byRole, after.byRole, (g) => g.role);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)('findAllies: the same people are allies, with the same values', ({ raw, renamed, rename }) => {
    const before = findAllies(raw);
    const after = findAllies(renamed);
    const byId = matchIds(before.allies, after.allies, rename, 'allies');
    for (const a of before.allies) {
      const b = byId.get(rename(a.id))!;
      expect([b.stance, b.rel, b.level, b.roles]).toEqual([a.stance, a.rel, a.level, a.roles]);
      near(b.score, a.score, PAGERANK, `score of ${a.id}`);
    }
    near(after.weight, before.weight, PAGERANK, 'weight');
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryRelabelled()], SETTINGS)(
    'findGatekeepers: the same people are gatekeepers for the same reasons (when no best path is tied)',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw) || bestPathTie(checkDecisionMakerCoverage(raw))) return;
      const before = findGatekeepers(raw);
      const after = findGatekeepers(renamed);
      expect(after.medianLevel).toBe(before.medianLevel);
      near(after.brokerageCutoff, before.brokerageCutoff, PAGERANK, 'brokerage cutoff');
      const byId = matchIds(before.gatekeepers, after.gatekeepers, rename, 'gatekeepers');
      for (const g of before.gatekeepers) {
        const h = byId.get(rename(g.id))!;
        expect([h.reasons, h.level, h.stance, h.rel, h.won]).toEqual([g.reasons, g.level, g.stance, g.rel, g.won]);
        expect(sortedIds(h.onPathTo)).toEqual(sortedIds(g.onPathTo.map(rename)));
        near(h.brokerage, g.brokerage, PAGERANK, `brokerage of ${g.id}`);
        near(h.score, g.score, PAGERANK, `score of ${g.id}`);
      }
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled(), fc.constantFrom('weighted' as const, 'dm-decides' as const)], SETTINGS)(
    'predictConsensus: the same lean, verdict, decision makers and final stance per person',
    ({ raw, renamed, rename }, decisionRule) => {
      if (decisionMakerTie(raw)) return;
      const before = predictConsensus(raw, { decisionRule });
      const after = predictConsensus(renamed, { decisionRule });
      near(after.lean, before.lean, DYNAMICS, 'lean');
      if (Math.abs(Math.abs(before.lean) - 0.2) > DYNAMICS) expect(after.verdict).toBe(before.verdict);
      expect(sortedIds(after.decisionMakers)).toEqual(sortedIds(before.decisionMakers.map(rename)));
      const byId = matchIds(before.stances, after.stances, rename, 'stances');
      for (const s of before.stances) {
        const t = byId.get(rename(s.id))!;
        expect([t.initial, t.susceptibility]).toEqual([s.initial, s.susceptibility]);
        near(t.final, s.final, DYNAMICS, `final stance of ${s.id}`);
      }
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)(
    'recommendEngagements: the same gain, feasibility, expected gain and flow per person',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw)) return;
      // Everyone below target, every via: the cut at `limit` could otherwise fall between tied people.
      const options = { limit: 1000, viaLimit: 1000 };
      const before = recommendEngagements(raw, options);
      const after = recommendEngagements(renamed, options);
      const byId = matchIds(before.recommendations, after.recommendations, rename, 'recommendations');
      for (const r of before.recommendations) {
        const s = byId.get(rename(r.id))!;
        expect(s.stance).toBe(r.stance);
        near(s.gain, r.gain, DYNAMICS, `gain of ${r.id}`);
        near(s.feasibility, r.feasibility, PAGERANK, `feasibility of ${r.id}`);
        near(s.expected, r.expected, DYNAMICS, `expected of ${r.id}`);
        const via = new Map(s.via.map((x) => [x.id, x.amount]));
        // Amounts at the 1e-15 cut-off may fall on either side of it; the others must all be there.
        for (const x of r.via) if (x.amount > 1e-9) near(via.get(rename(x.id)) ?? Number.NaN, x.amount, DYNAMICS, `via ${x.id} of ${r.id}`);
        expect(s.path === null).toBe(r.path === null);
        if (r.path) expect(s.path!.at(-1)).toBe(rename(r.path.at(-1)!));
        if (!before.recommendations.some((o) => o !== r && Math.abs(o.expected - r.expected) <= DYNAMICS)) expect(s.rank, `rank of ${r.id}`).toBe(r.rank);
      }
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)(
    'checkDecisionMakerCoverage: the same status, risk and probabilities, and the same paths after mapping (when not tied)',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw)) return;
      // k = 4 shows whether the third path is tied with the fourth.
      const before = checkDecisionMakerCoverage(raw, { k: 4 });
      const after = checkDecisionMakerCoverage(renamed, { k: 4 });
      expect(after.progress).toBe(before.progress);
      const byId = matchIds(before.decisionMakers, after.decisionMakers, rename, 'decision makers');
      const mapPath = (path: readonly string[]) => path.map(rename);
      for (const dm of before.decisionMakers) {
        const em = byId.get(rename(dm.id))!;
        expect([em.inferred, em.basis, em.stance, em.status, em.risk, em.rel]).toEqual([dm.inferred, dm.basis, dm.stance, dm.status, dm.risk, dm.rel]);
        expect(em.best === null).toBe(dm.best === null);
        expect(em.alternatives.length).toBe(dm.alternatives.length);
        dm.alternatives.forEach((alt, k) => near(em.alternatives[k]!.probability, alt.probability, PAGERANK, `alternative ${k} to ${dm.id}`));
        const probabilities = dm.alternatives.map((a) => a.probability);
        // Yen's k best paths are determined when no two of them are tied (the fourth shows whether the third is).
        if (!anyTie(probabilities)) dm.alternatives.slice(0, 3).forEach((alt, k) => expect(em.alternatives[k]!.path, `path ${k} to ${dm.id}`).toEqual(mapPath(alt.path)));
        if (dm.best) {
          expect(em.best!.probability).toBe(em.alternatives[0]!.probability);
          if (probabilities.length < 2 || !tied(probabilities[0]!, probabilities[1]!)) expect(em.best!.path).toEqual(mapPath(dm.best.path));
        }
        expect(em.bottleneck === null).toBe(dm.bottleneck === null);
        if (dm.bottleneck) near(em.bottleneck!.width, dm.bottleneck.width, PAGERANK, `bottleneck width to ${dm.id}`);
        if (!anyTie(probabilities) && dm.alternatives.length < 4) {
          const intro = matchIds(dm.introducers, em.introducers, rename, `introducers of ${dm.id}`);
          for (const x of dm.introducers) {
            near(intro.get(rename(x.id))!.probability, x.probability, PAGERANK, `introducer ${x.id}`);
            expect(intro.get(rename(x.id))!.path).toEqual(mapPath(x.path));
          }
        }
      }
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)(
    'findCoachCandidates: the same candidates, scores and criteria per person',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw)) return;
      const before = findCoachCandidates(raw);
      const after = findCoachCandidates(renamed);
      const compare = (a: (typeof before.candidates)[number] | (typeof before.current)[number], b: typeof a) => {
        near(b.score, a.score, DYNAMICS, `score of ${a.id}`);
        expect(b.stance).toBe(a.stance);
        expect(b.criteria.map((c) => c.criterion)).toEqual(a.criteria.map((c) => c.criterion));
        a.criteria.forEach((c, k) => {
          const d = b.criteria[k]!;
          near(d.value, c.value, DYNAMICS, `${c.criterion} of ${a.id}`);
          expect(d.weight).toBe(c.weight);
          if (c.logContribution === null) expect(d.logContribution).toBeNull();
          else near(d.logContribution ?? Number.NaN, c.logContribution, DYNAMICS, `log ${c.criterion} of ${a.id}`);
        });
        const values = a.criteria.map((c) => c.value);
        const min = Math.min(...values);
        if (values.filter((v) => Math.abs(v - min) <= DYNAMICS).length === 1) expect(b.weakest).toBe(a.weakest);
        const power = a.criteria.find((c) => c.criterion === 'power')!.value;
        if (Math.abs(power - 0.5) > DYNAMICS) expect(b.kind).toBe(a.kind);
      };
      const candidates = matchIds(before.candidates, after.candidates, rename, 'candidates');
      for (const c of before.candidates) {
        const d = candidates.get(rename(c.id))!;
        compare(c, d);
        if (!before.candidates.some((o) => o !== c && Math.abs(o.score - c.score) <= DYNAMICS)) expect(d.rank, `rank of ${c.id}`).toBe(c.rank);
      }
      const current = matchIds(before.current, after.current, rename, 'current coaches');
      for (const c of before.current) {
        const d = current.get(rename(c.id))!;
        compare(c, d);
        expect(d.qualifies).toBe(c.qualifies);
        if (c.criteria.every((x) => Math.abs(x.value - 0.5) > DYNAMICS)) expect(d.weaknesses.map((w) => w.criterion).sort()).toEqual(c.weaknesses.map((w) => w.criterion).sort());
      }
      expect(after.weights).toEqual(before.weights);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled({ maxPeople: 8 })], { ...SETTINGS, numRuns: 40 })(
    'analyzeResilience: the same baseline, and the same impact per departing person',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw)) return;
      const before = analyzeResilience(raw);
      const after = analyzeResilience(renamed);
      near(after.baseline.support, before.baseline.support, PAGERANK, 'baseline support');
      near(after.baseline.net, before.baseline.net, PAGERANK, 'baseline net');
      const access = (xs: typeof before.baseline.decisionMakerAccess, ys: typeof xs, what: string) => {
        const byId = matchIds(xs, ys, rename, what);
        for (const x of xs) {
          const y = byId.get(rename(x.id))!;
          near(y.probability, x.probability, PAGERANK, `${what}: ${x.id}`);
          expect(y.status).toBe(x.status);
        }
      };
      access(before.baseline.decisionMakerAccess, after.baseline.decisionMakerAccess, 'baseline access');
      const byId = matchIds(before.people, after.people, rename, 'people');
      for (const p of before.people) {
        const q = byId.get(rename(p.id))!;
        expect(q.why).toEqual(p.why);
        near(q.support, p.support, PAGERANK, `support without ${p.id}`);
        near(q.net, p.net, PAGERANK, `net without ${p.id}`);
        near(q.netLoss, p.netLoss, PAGERANK, `net loss of ${p.id}`);
        access(p.decisionMakerAccess, q.decisionMakerAccess, `access without ${p.id}`);
        expect(sortedIds(q.lostAccessTo)).toEqual(sortedIds(p.lostAccessTo.map(rename)));
        if (Math.abs(p.netLoss - 0.1) > PAGERANK) {
          expect(q.singlePointOfFailure).toBe(p.singlePointOfFailure);
          expect(q.reasons.length).toBe(p.reasons.length);
        }
      }
      expect(sortedIds(after.skipped)).toEqual(sortedIds(before.skipped.map(rename)));
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryRelabelled()], SETTINGS)('assessInformation: the same status, score and gaps for each of the nine points', ({ raw, renamed }) => {
    const before = assessInformation(raw);
    const after = assessInformation(renamed);
    expect(after.completeness).toBe(before.completeness);
    const shape = (info: typeof before) =>
      info.points.map((p) => ({ number: p.number, point: p.point, status: p.status, score: p.score, gaps: p.gaps.map((g) => [g.code, g.params.count ?? null]) }));
    expect(shape(after)).toEqual(shape(before));
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryRelabelled()], SETTINGS)('assessSellingStage: the same stage from the same evidence', ({ raw, renamed, rename }) => {
    if (decisionMakerTie(raw)) return;
    const before = assessSellingStage(raw);
    const after = assessSellingStage(renamed);
    expect(after.stage).toBe(before.stage);
    expect({ ...after.evidence, seniorAllies: sortedIds(after.evidence.seniorAllies) }).toEqual({
      ...before.evidence,
      seniorAllies: sortedIds(before.evidence.seniorAllies.map(rename)),
    });
    expect(codes(after.missingForNext)).toEqual(codes(before.missingForNext));
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryRelabelled()], SETTINGS)('classifyAccount: the same result (it reads no person id)', ({ raw, renamed }) => {
    expect(classifyAccount(renamed)).toEqual(classifyAccount(raw));
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryRelabelled()], SETTINGS)('measureBuyingCenter: the same members, dimensions and grid position per person', ({ raw, renamed, rename }) => {
    const before = measureBuyingCenter(raw);
    const after = measureBuyingCenter(renamed);
    expect(sortedIds(after.members)).toEqual(sortedIds(before.members.map(rename)));
    expect([after.verticalInvolvement, after.lateralInvolvement, after.extensivity, after.connectedness]).toEqual([
      before.verticalInvolvement,
      before.lateralInvolvement,
      before.extensivity,
      before.connectedness,
    ]);
    const centrality = matchIds(before.centrality, after.centrality, rename, 'centrality');
    for (const c of before.centrality) expect(centrality.get(rename(c.id))!.value).toBe(c.value);
    const grid = matchIds(before.grid, after.grid, rename, 'grid');
    for (const g of before.grid) {
      const h = grid.get(rename(g.id))!;
      near(h.power, g.power, PAGERANK, `power of ${g.id}`);
      expect([h.interest, h.member]).toEqual([g.interest, g.member]);
      if (Math.abs(g.power - 0.5) > PAGERANK) expect(h.quadrant).toBe(g.quadrant);
    }
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryRelabelled({ maxPeople: 8 })], { ...SETTINGS, numRuns: 40 })(
    'assessDeal: the same thresholds, and the same flags naming the same people after mapping (when nothing is tied)',
    ({ raw, renamed, rename }) => {
      if (decisionMakerTie(raw)) return;
      const before = assessDeal(raw);
      const after = assessDeal(renamed);
      expect(after.thresholds.information.passed).toBe(before.thresholds.information.passed);
      expect(after.thresholds.decision.passed).toBe(before.thresholds.decision.passed);
      // net > 0 decides the relationship threshold; a net of zero up to rounding may fall either side.
      if (Math.abs(before.support.net) > PAGERANK) expect(after.thresholds.relationship.passed).toBe(before.thresholds.relationship.passed);
      // Flags name the top coach candidate, the top quartile, the best path: compare them when none of those is tied.
      const tieFree =
        !bestPathTie(before.coverage) &&
        !anyTie(before.ranking.people.map((p) => p.score)) &&
        !anyTie(before.coach.candidates.map((c) => c.score)) &&
        Math.abs(before.support.net) > PAGERANK;
      if (!tieFree) return;
      const flags = (a: typeof before, map: (id: string) => string) =>
        a.flags.map((f) => `${f.code} ${f.severity} ${sortedIds(f.people.map(map)).join(',')}`).sort();
      expect(flags(after, (id) => id)).toEqual(flags(before, rename));
    },
    PROPERTY_TIMEOUT,
  );
});
